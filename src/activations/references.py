"""Every work the site cites, keyed as the registry's origins and the pages cite it.

An origin cites a work as `[@key]`; a page cites it with a link to its entry on the references
page (`references.md#key`). Each work links to its paper by DOI or arXiv id; a work that has
neither (a thesis, a workshop paper, a technical report) links to a stable URL and says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

CITATION = re.compile(r"\[@([a-z0-9-]+)\]")  # how an origin cites a work: [@hendrycks2016]


@dataclass(frozen=True)
class Reference:
    """One cited work."""

    key: str  # the anchor of its entry on the references page
    authors: str  # as cited in running text: "Hendrycks and Gimpel", "He et al."
    title: str
    year: int
    venue: str
    doi: str = ""
    arxiv: str = ""
    url: str = ""  # only for a work with neither DOI nor arXiv id
    no_identifier: str = ""  # why the work has only a URL

    @property
    def link(self) -> str:
        """Where the paper is: its DOI, else its arXiv page, else its stable URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.arxiv:
            return f"https://arxiv.org/abs/{self.arxiv}"
        return self.url


_WORKS = (
    Reference("widrow1960", "Widrow and Hoff", "Adaptive Switching Circuits", 1960,
              "IRE WESCON Convention Record, part 4",
              url="https://isl.stanford.edu/~widrow/papers/c1960adaptiveswitching.pdf",
              no_identifier="a 1960 convention paper with no DOI; the copy on Widrow's Stanford laboratory pages"),
    Reference("mcculloch1943", "McCulloch and Pitts", "A Logical Calculus of the Ideas Immanent in Nervous Activity",
              1943, "Bulletin of Mathematical Biophysics 5", doi="10.1007/BF02478259"),
    Reference("rosenblatt1958", "Rosenblatt",
              "The Perceptron: A Probabilistic Model for Information Storage and Organization in the Brain",
              1958, "Psychological Review 65", doi="10.1037/h0042519"),
    Reference("rumelhart1986", "Rumelhart, Hinton and Williams", "Learning Representations by Back-Propagating Errors",
              1986, "Nature 323", doi="10.1038/323533a0"),
    Reference("lecun1998", "LeCun et al.", "Efficient BackProp", 1998,
              "Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science 1524",
              doi="10.1007/3-540-49430-8_2"),
    Reference("courbariaux2015", "Courbariaux, Bengio and David",
              "BinaryConnect: Training Deep Neural Networks with Binary Weights during Propagations", 2015,
              "NeurIPS 2015", arxiv="1511.00363"),
    Reference("howard2019", "Howard et al.", "Searching for MobileNetV3", 2019, "ICCV 2019", arxiv="1905.02244"),
    Reference("collobert2004", "Collobert", "Large Scale Machine Learning", 2004,
              "PhD thesis, Université Paris VI",
              url="https://ronan.collobert.com/pub/matos/2004_phdthesis_lip6.pdf",
              no_identifier="a PhD thesis with no DOI; the author's copy"),
    Reference("elliott1993", "Elliott", "A Better Activation Function for Artificial Neural Networks", 1993,
              "Institute for Systems Research, University of Maryland, technical report TR 93-8",
              url="https://hdl.handle.net/1903/5355",
              no_identifier="a technical report with no DOI; its handle in the University of Maryland's repository"),
    Reference("glorot2010", "Glorot and Bengio", "Understanding the Difficulty of Training Deep Feedforward Neural Networks",
              2010, "AISTATS 2010, PMLR 9", url="https://proceedings.mlr.press/v9/glorot10a.html",
              no_identifier="PMLR proceedings assign no DOI; the proceedings page"),
    Reference("cox1958", "Cox", "The Regression Analysis of Binary Sequences", 1958,
              "Journal of the Royal Statistical Society, Series B 20", doi="10.1111/j.2517-6161.1958.tb00292.x"),
    Reference("fukushima1969", "Fukushima", "Visual Feature Extraction by a Multilayered Network of Analog Threshold Elements",
              1969, "IEEE Transactions on Systems Science and Cybernetics 5", doi="10.1109/TSSC.1969.300225"),
    Reference("nair2010", "Nair and Hinton", "Rectified Linear Units Improve Restricted Boltzmann Machines", 2010,
              "ICML 2010", url="https://icml.cc/Conferences/2010/papers/432.pdf",
              no_identifier="ICML 2010 papers have no DOI; the conference's copy"),
    Reference("glorot2011", "Glorot, Bordes and Bengio", "Deep Sparse Rectifier Neural Networks", 2011,
              "AISTATS 2011, PMLR 15", url="https://proceedings.mlr.press/v15/glorot11a.html",
              no_identifier="PMLR proceedings assign no DOI; the proceedings page"),
    Reference("maas2013", "Maas, Hannun and Ng", "Rectifier Nonlinearities Improve Neural Network Acoustic Models", 2013,
              "ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing",
              url="https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf",
              no_identifier="a workshop paper with no DOI; the first author's copy at Stanford"),
    Reference("he2015", "He et al.", "Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification",
              2015, "ICCV 2015", arxiv="1502.01852"),
    Reference("xu2015", "Xu et al.", "Empirical Evaluation of Rectified Activations in Convolutional Network", 2015,
              "arXiv preprint", arxiv="1505.00853"),
    Reference("krizhevsky2010", "Krizhevsky", "Convolutional Deep Belief Networks on CIFAR-10", 2010,
              "unpublished manuscript, University of Toronto",
              url="http://www.cs.utoronto.ca/~kriz/conv-cifar10-aug2010.pdf",
              no_identifier="an unpublished manuscript; the author's copy at the University of Toronto"),
    Reference("he2016", "He et al.", "Deep Residual Learning for Image Recognition", 2016, "CVPR 2016",
              arxiv="1512.03385"),
    Reference("ioffe2015", "Ioffe and Szegedy",
              "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift", 2015,
              "ICML 2015", arxiv="1502.03167"),
    Reference("ba2016", "Ba, Kiros and Hinton", "Layer Normalization", 2016, "arXiv preprint", arxiv="1607.06450"),
    Reference("sandler2018", "Sandler et al.", "MobileNetV2: Inverted Residuals and Linear Bottlenecks", 2018,
              "CVPR 2018", arxiv="1801.04381"),
    Reference("clevert2015", "Clevert, Unterthiner and Hochreiter",
              "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)", 2015, "ICLR 2016",
              arxiv="1511.07289"),
    Reference("klambauer2017", "Klambauer et al.", "Self-Normalizing Neural Networks", 2017, "NeurIPS 2017",
              arxiv="1706.02515"),
    Reference("barron2017", "Barron", "Continuously Differentiable Exponential Linear Units", 2017, "arXiv preprint",
              arxiv="1704.07483"),
    Reference("barron2021", "Barron", "Squareplus: A Softplus-Like Algebraic Rectifier", 2021, "arXiv preprint",
              arxiv="2112.11687"),
    Reference("so2021", "So et al.", "Primer: Searching for Efficient Transformers for Language Modeling", 2021,
              "NeurIPS 2021", arxiv="2109.08668"),
    Reference("hendrycks2016", "Hendrycks and Gimpel", "Gaussian Error Linear Units (GELUs)", 2016, "arXiv preprint",
              arxiv="1606.08415"),
    Reference("elfwing2017", "Elfwing, Uchibe and Doya",
              "Sigmoid-Weighted Linear Units for Neural Network Function Approximation in Reinforcement Learning", 2017,
              "Neural Networks 107 (2018)", arxiv="1702.03118"),
    Reference("ramachandran2017", "Ramachandran, Zoph and Le", "Searching for Activation Functions", 2017,
              "arXiv preprint", arxiv="1710.05941"),
    Reference("misra2019", "Misra", "Mish: A Self Regularized Non-Monotonic Activation Function", 2019, "BMVC 2020",
              arxiv="1908.08681"),
    Reference("dugas2001", "Dugas et al.", "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
              2001, "Advances in Neural Information Processing Systems 13",
              url="https://proceedings.neurips.cc/paper/2000/hash/44968aece94f667e4095002d140b5896-Abstract.html",
              no_identifier="NeurIPS proceedings of that year have no DOI; the proceedings page"),
    Reference("dauphin2017", "Dauphin et al.", "Language Modeling with Gated Convolutional Networks", 2017, "ICML 2017",
              arxiv="1612.08083"),
    Reference("shazeer2020", "Shazeer", "GLU Variants Improve Transformer", 2020, "arXiv preprint", arxiv="2002.05202"),
    Reference("donoho1994", "Donoho and Johnstone", "Ideal Spatial Adaptation by Wavelet Shrinkage", 1994,
              "Biometrika 81", doi="10.1093/biomet/81.3.425"),
    Reference("donoho1995", "Donoho", "De-Noising by Soft-Thresholding", 1995,
              "IEEE Transactions on Information Theory 41", doi="10.1109/18.382009"),
    Reference("collobert2011", "Collobert, Kavukcuoglu and Farabet", "Torch7: A Matlab-like Environment for Machine Learning",
              2011, "BigLearn, NIPS 2011 Workshop", url="https://ronan.collobert.com/pub/matos/2011_torch7_nipsw.pdf",
              no_identifier="a workshop paper with no DOI; the first author's copy"),
    Reference("sitzmann2020", "Sitzmann et al.", "Implicit Neural Representations with Periodic Activation Functions",
              2020, "NeurIPS 2020", arxiv="2006.09661"),
    Reference("ziyin2020", "Ziyin, Hartwig and Ueda", "Neural Networks Fail to Learn Periodic Functions and How to Fix It",
              2020, "NeurIPS 2020", arxiv="2006.08195"),
    Reference("bridle1990", "Bridle",
              "Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to "
              "Statistical Pattern Recognition", 1990, "Neurocomputing: Algorithms, Architectures and Applications (NATO ASI Series F 68)",
              doi="10.1007/978-3-642-76153-9_28"),
    Reference("martins2016", "Martins and Astudillo",
              "From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification", 2016,
              "ICML 2016", arxiv="1602.02068"),
)

REFERENCES: MappingProxyType[str, Reference] = MappingProxyType({r.key: r for r in _WORKS})


def cited_keys(text: str) -> tuple[str, ...]:
    """The keys a Markdown text cites as [@key], in order of first citation."""
    return tuple(dict.fromkeys(CITATION.findall(text)))


def cite(key: str) -> str:
    """One work as Markdown: authors, the title linked to the paper, the year."""
    r = REFERENCES[key]
    return f"{r.authors}, [*{r.title}*]({r.link}) ({r.year})"


def expand(text: str) -> str:
    """Markdown with every [@key] replaced by its citation; a key with no entry raises KeyError."""
    return CITATION.sub(lambda m: cite(m.group(1)), text)
