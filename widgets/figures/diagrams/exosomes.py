"""Diagrams of the tumour-derived exosome chapter: biogenesis, controls, cargo and acidity."""
from . import Diagram, Edge, Node

EXOSOME_BIOGENESIS = Diagram(
    name="exosome_biogenesis",
    nodes=(
        Node("endosome", "early endosome:\nmembrane taken in\nfrom the surface", "process"),
        Node("mvb", "multivesicular body:\nintraluminal vesicles\nbud inwards", "process"),
        Node("machinery", "ESCRT (TSG101,\nALIX) or\nceramide"),
        Node("lysosome", "fusion with the\nlysosome: contents\ndegraded", "death"),
        Node("secretion", "fusion with the\nplasma membrane", "process"),
        Node("exosome", "exosomes released:\nCD9, CD63, CD81\non the surface", "quantity"),
        Node("autophagosome", "autophagosome\n(the other route\nto the lysosome)", "process"),
    ),
    edges=(
        Edge("endosome", "mvb", "becomes"),
        Edge("machinery", "mvb", "activates", "drives\nbudding"),
        Edge("mvb", "lysosome", "becomes", "degrade"),
        Edge("mvb", "secretion", "becomes", "secrete"),
        Edge("secretion", "exosome", "becomes"),
        Edge("autophagosome", "lysosome", "becomes"),
    ),
    rows=(("lysosome", "secretion"),),
)

CONDITIONED_MEDIUM_CONTROLS = Diagram(
    name="conditioned_medium_controls",
    nodes=(
        Node("donor", "donor cells\n(e.g. drug-resistant)", "quantity"),
        Node("medium", "conditioned medium,\ncollected in\nexosome-depleted serum", "process"),
        Node("blocker", "release blocker on\ndonors (e.g. GW4869)", "inhibitor"),
        Node("isolate", "exosomes isolated\n(and the exosome-\nfree remainder kept)", "process"),
        Node("recipient", "recipient cells\n+ drug", "drug"),
        Node("readout", "viability, apoptosis,\npathway activity", "quantity"),
    ),
    edges=(
        Edge("donor", "medium"),
        Edge("blocker", "medium", "inhibits", "fewer\nexosomes"),
        Edge("medium", "isolate"),
        Edge("isolate", "recipient", "activates", "add to"),
        Edge("recipient", "readout"),
    ),
    rows=(("donor", "blocker"),),
)

RESISTANCE_CARGO = Diagram(
    name="resistance_cargo",
    nodes=(
        Node("donor", "HCC cells (invasive\nor drug-resistant)", "quantity"),
        Node("exo", "exosomes or EVs", "process"),
        Node("met", "whole\nexosomes:\nc-Met/Akt on"),
        Node("rna", "RNA cargo", "process"),
        Node("mdr", "MDR pumps\n(proposed;\nno HCC\nprimary paper)", "inhibitor"),
        Node("vldlr", "linc-VLDLR:\nABCG2 up"),
        Node("circ", "circRNA-SORE,\ncircDCAF8"),
        Node("survive", "recipient cells\nsurvive sorafenib\nor regorafenib", "survival"),
    ),
    edges=(
        Edge("donor", "exo", "becomes", "secrete"),
        Edge("exo", "met"),
        Edge("exo", "rna"),
        Edge("exo", "mdr", "binds"),
        Edge("rna", "vldlr"),
        Edge("rna", "circ"),
        Edge("met", "survive"),
        Edge("vldlr", "survive"),
        Edge("circ", "survive"),
        Edge("mdr", "survive", "binds"),
    ),
)

TWO_MIR21_FINDINGS = Diagram(
    name="two_mir21_findings",
    nodes=(
        Node("acid", "acidic\nmicroenvironment", "stress"),
        Node("hif", "HIF-1α and\nHIF-2α bind\nmiR-21/miR-10b\npromoters"),
        Node("exomir", "exosomal miR-21\nand miR-10b", "quantity"),
        Node("spread", "recipient cells:\nproliferation,\nmigration, invasion", "process"),
        Node("sora", "sorafenib\n(resistant cells)", "drug"),
        Node("mir21", "cellular miR-21\nup, PTEN down,\nAkt on"),
        Node("autophagy", "autophagy\n(pro-death here)", "process"),
        Node("resist", "sorafenib\nresistance", "survival"),
    ),
    edges=(
        Edge("acid", "hif"),
        Edge("hif", "exomir"),
        Edge("exomir", "spread"),
        Edge("sora", "mir21"),
        Edge("mir21", "autophagy", "inhibits"),
        Edge("autophagy", "resist", "inhibits"),
    ),
    rows=(("acid", "sora"), ("spread", "resist")),
)

AUTOPHAGY_VESICLE_CROSSROADS = Diagram(
    name="autophagy_vesicle_crossroads",
    nodes=(
        Node("early", "3-MA or ATG7\nsiRNA: fewer\nautophagosomes", "inhibitor"),
        Node("autophagosome", "autophagosome\n(LC3-II, p62)", "process"),
        Node("mvb", "multivesicular\nbody", "process"),
        Node("lysosome", "lysosome:\ndegraded", "death"),
        Node("late", "chloroquine or\nbafilomycin A1", "inhibitor"),
        Node("atg5", "ATG5 and\nATG16L1", "protein"),
        Node("release", "vesicles released\n(with LC3-II and\np62 when blocked)", "quantity"),
    ),
    edges=(
        Edge("early", "autophagosome", "inhibits"),
        Edge("autophagosome", "lysosome", "becomes"),
        Edge("mvb", "lysosome", "becomes"),
        Edge("autophagosome", "mvb", "binds", "amphisome"),
        Edge("late", "lysosome", "inhibits"),
        Edge("mvb", "release", "becomes", "more when\nthe lysosome\nis blocked"),
        Edge("atg5", "release", "activates", "needed"),
    ),
    rows=(("early", "late"),),
)

DIAGRAMS = (EXOSOME_BIOGENESIS, CONDITIONED_MEDIUM_CONTROLS, RESISTANCE_CARGO, TWO_MIR21_FINDINGS,
            AUTOPHAGY_VESICLE_CROSSROADS)
