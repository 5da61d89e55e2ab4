"""The same function in PyTorch, Keras (TensorFlow) and JAX: names and defaults, as documented
by each framework. Facts, not computations: check them against the framework's own docs."""

from __future__ import annotations

NONE = "—"

# slug -> (PyTorch, Keras 3 / TensorFlow, JAX)
FRAMEWORKS: dict[str, tuple[str, str, str]] = {
    "identity": ("`nn.Identity()`", "`keras.activations.linear`", "no function: `lambda x: x`"),
    "binary-step": ("`torch.heaviside(x, values)`: the value at 0 is an argument, no default",
                    NONE, "`jnp.heaviside(x, x0)`: the value at 0 is an argument"),
    "sigmoid": ("`nn.Sigmoid()`, `torch.sigmoid`", "`keras.activations.sigmoid`", "`jax.nn.sigmoid`"),
    "tanh": ("`nn.Tanh()`, `torch.tanh`", "`keras.activations.tanh`", "`jax.nn.tanh`"),
    "hard-sigmoid": ("`nn.Hardsigmoid()`: ReLU6(x + 3) / 6",
                     "`keras.activations.hard_sigmoid`: ReLU6(x + 3) / 6 in Keras 3; Keras 2 used 0.2 x + 0.5",
                     "`jax.nn.hard_sigmoid`: ReLU6(x + 3) / 6"),
    "hard-tanh": ("`nn.Hardtanh(min_val=-1.0, max_val=1.0)`", "`keras.activations.hard_tanh`", "`jax.nn.hard_tanh`"),
    "softsign": ("`nn.Softsign()`", "`keras.activations.softsign`", "`jax.nn.soft_sign`"),
    "log-sigmoid": ("`nn.LogSigmoid()`", "`keras.activations.log_sigmoid`", "`jax.nn.log_sigmoid`"),
    "relu": ("`nn.ReLU()`; ReLU'(0) = 0", "`keras.activations.relu(x, negative_slope=0.0, max_value=None, threshold=0.0)`",
             "`jax.nn.relu`; ReLU'(0) = 0"),
    "leaky-relu": ("`nn.LeakyReLU(negative_slope=0.01)`",
                   "`keras.layers.LeakyReLU(negative_slope=0.3)`, but `keras.activations.leaky_relu(x, negative_slope=0.2)`",
                   "`jax.nn.leaky_relu(x, negative_slope=0.01)`; slope 1 at 0 (x >= 0 is the linear side)"),
    "prelu": ("`nn.PReLU(num_parameters=1, init=0.25)`", "`keras.layers.PReLU(alpha_initializer=\"zeros\")`: starts as ReLU",
              "no function in `jax.nn`; Flax has a `PReLU` layer"),
    "relu6": ("`nn.ReLU6()`", "`keras.activations.relu6`", "`jax.nn.relu6`"),
    "elu": ("`nn.ELU(alpha=1.0)`", "`keras.activations.elu(x, alpha=1.0)`", "`jax.nn.elu(x, alpha=1.0)`"),
    "selu": ("`nn.SELU()`", "`keras.activations.selu`", "`jax.nn.selu`"),
    "celu": ("`nn.CELU(alpha=1.0)`", "`keras.activations.celu(x, alpha=1.0)`", "`jax.nn.celu(x, alpha=1.0)`"),
    "gelu": ("`nn.GELU(approximate='none')`: exact by default", "`keras.activations.gelu(x, approximate=False)`: exact by default",
             "`jax.nn.gelu(x, approximate=True)`: the tanh approximation by default"),
    "gelu-tanh": ("`nn.GELU(approximate='tanh')`", "`keras.activations.gelu(x, approximate=True)`",
                  "`jax.nn.gelu(x)` (the default)"),
    "silu": ("`nn.SiLU()`", "`keras.activations.silu` (alias `swish`)", "`jax.nn.silu` (alias `swish`)"),
    "mish": ("`nn.Mish()`", "`keras.activations.mish`", "`jax.nn.mish`"),
    "softplus": ("`nn.Softplus(beta=1.0, threshold=20.0)`: returns x itself where beta x > 20",
                 "`keras.activations.softplus`", "`jax.nn.softplus`"),
    "hard-swish": ("`nn.Hardswish()`", "`keras.activations.hard_silu` (alias `hard_swish`)", "`jax.nn.hard_silu` (alias `hard_swish`)"),
    "glu": ("`nn.GLU(dim=-1)`: first half times sigmoid of the second", "`keras.activations.glu(x, axis=-1)`",
            "`jax.nn.glu(x, axis=-1)`"),
    "geglu": (NONE + " (write `a * F.gelu(b)`)", NONE, NONE + " (write `a * jax.nn.gelu(b, approximate=False)`)"),
    "swiglu": (NONE + " (write `a * F.silu(b)`)", NONE, NONE + " (write `a * jax.nn.silu(b)`)"),
    "softmax": ("`nn.Softmax(dim)`, `F.softmax(x, dim)`: no usable default axis",
                "`keras.activations.softmax(x, axis=-1)`", "`jax.nn.softmax(x, axis=-1)`"),
    "log-softmax": ("`nn.LogSoftmax(dim)`, `F.log_softmax(x, dim)`", "`keras.activations.log_softmax(x, axis=-1)`",
                    "`jax.nn.log_softmax(x, axis=-1)`"),
}
