"""Diagrams of the drugs chapter: how each class of drug meets autophagy, and the two roles."""
from . import Diagram, Edge, Group, Node

ACCOMPLICE_OR_ANTAGONIST = Diagram(
    name="accomplice_or_antagonist",
    nodes=(
        Node("drug", "anticancer drug", "drug"),
        Node("damage", "damage and stress\nin the tumour cell", "stress"),
        Node("autophagy", "autophagic flux", "process"),
        Node("survival", "accomplice:\ndamage cleared,\nthe cell survives", "survival"),
        Node("death", "antagonist:\nautophagy helps\nto kill the cell", "death"),
        Node("blockers", "inhibitors: chloroquine,\n3-MA, ATG knockdown", "inhibitor"),
    ),
    edges=(
        Edge("drug", "damage"),
        Edge("damage", "autophagy"),
        Edge("autophagy", "survival", "activates", "often"),
        Edge("autophagy", "death", "activates", "in some\ncontexts"),
        Edge("blockers", "autophagy", "inhibits"),
    ),
    rows=(("blockers", "damage"),),
)

SORAFENIB_ROUTES = Diagram(
    name="sorafenib_routes",
    nodes=(
        Node("sorafenib", "sorafenib", "drug"),
        Node("er", "ER stress\n(IRE1)", "stress"),
        Node("mtorc1", "mTORC1"),
        Node("ampk", "AMPK\n(Huh7)"),
        Node("mcl1", "phospho-STAT3\n→ Mcl-1"),
        Node("beclin1", "Beclin 1"),
        Node("autophagy", "autophagy", "process"),
        Node("survival", "protective in\nsome studies", "survival"),
        Node("death", "lethal in\nothers", "death"),
    ),
    edges=(
        Edge("sorafenib", "er"),
        Edge("sorafenib", "mtorc1", "inhibits"),
        Edge("sorafenib", "ampk"),
        Edge("sorafenib", "mcl1", "inhibits", "via\nSHP-1"),
        Edge("mcl1", "beclin1", "inhibits", "Mcl-1\nbinds"),
        Edge("er", "autophagy"),
        Edge("mtorc1", "autophagy", "inhibits"),
        Edge("ampk", "autophagy"),
        Edge("beclin1", "autophagy"),
        Edge("autophagy", "survival"),
        Edge("autophagy", "death"),
    ),
)

MULTIKINASE_MECHANISMS = Diagram(
    name="multikinase_mechanisms",
    nodes=(
        Node("nod2", "NOD2\n→ AMPK"),
        Node("tnfaip8", "TNFAIP8\n⊣ AKT/mTOR"),
        Node("lenvatinib", "lenvatinib", "drug"),
        Node("autophagy", "autophagy", "process"),
        Node("baf", "bafilomycin A1", "inhibitor"),
        Node("apoptosis", "apoptosis:\nmore sensitive", "death"),
        Node("resistant", "resistance:\napoptosis blocked", "survival"),
        Node("nrp1", "NRP1 degraded:\nlenvatinib works", "death"),
    ),
    edges=(
        Edge("nod2", "autophagy"),
        Edge("tnfaip8", "autophagy"),
        Edge("lenvatinib", "autophagy"),
        Edge("baf", "autophagy", "inhibits"),
        Edge("autophagy", "apoptosis", "activates", "NOD2"),
        Edge("tnfaip8", "resistant"),
        Edge("autophagy", "nrp1", "activates", "lenvatinib"),
    ),
    rows=(("baf", "autophagy"),),
)

DOXORUBICIN_AND_BLOCKERS = Diagram(
    name="doxorubicin_and_blockers",
    nodes=(
        Node("doxorubicin", "doxorubicin", "drug"),
        Node("rapamycin", "rapamycin", "drug"),
        Node("formation", "autophagosome formation", "process"),
        Node("degradation", "lysosomal degradation\n(flux)", "process"),
        Node("egcg", "EGCG", "inhibitor"),
        Node("late", "Rg3, red ginseng extract,\nADCX (late stage)", "inhibitor"),
        Node("survival", "protection: about 45% of\ndoxorubicin-induced death\nprevented (Hep3B)", "survival"),
    ),
    edges=(
        Edge("doxorubicin", "formation"),
        Edge("rapamycin", "formation"),
        Edge("egcg", "formation", "inhibits"),
        Edge("formation", "degradation", "becomes"),
        Edge("late", "degradation", "inhibits"),
        Edge("degradation", "survival"),
    ),
    rows=(("doxorubicin", "rapamycin", "egcg"), ("degradation", "late")),
)

OXALIPLATIN_AND_MACROPHAGES = Diagram(
    name="oxaliplatin_and_macrophages",
    nodes=(
        Node("oxaliplatin", "oxaliplatin", "drug"),
        Node("tams", "tumour-associated\nmacrophages", "stress"),
        Node("autophagy", "autophagy in the\nHCC cell", "process"),
        Node("blockers", "ATG7 or ATG5 siRNA,\nchloroquine", "inhibitor"),
        Node("survival", "cells escape\napoptosis", "survival"),
    ),
    edges=(
        Edge("oxaliplatin", "autophagy"),
        Edge("tams", "autophagy"),
        Edge("blockers", "autophagy", "inhibits"),
        Edge("autophagy", "survival"),
    ),
    rows=(("blockers", "autophagy"),),
)

CISPLATIN_AND_MITOPHAGY = Diagram(
    name="cisplatin_and_mitophagy",
    nodes=(
        Node("cisplatin", "cisplatin", "drug"),
        Node("drp1", "DRP1 (mitochondrial\nfission)"),
        Node("mdivi", "Mdivi-1", "inhibitor"),
        Node("mitophagy", "mitophagy and\nlysosome biogenesis", "process"),
        Node("pki", "PKI-402\n(PI3K/mTOR)", "inhibitor"),
        Node("survival", "surviving cells", "survival"),
        Node("death", "lysosomes leak:\ndeath", "death"),
    ),
    edges=(
        Edge("cisplatin", "drp1"),
        Edge("mdivi", "drp1", "inhibits"),
        Edge("drp1", "mitophagy"),
        Edge("pki", "mitophagy", "inhibits"),
        Edge("mitophagy", "survival"),
        Edge("pki", "death"),
    ),
    rows=(("mdivi", "drp1"), ("pki", "mitophagy")),
)

MHC_I_AND_CHECKPOINTS = Diagram(
    name="mhc_i_and_checkpoints",
    nodes=(
        Node("autophagy", "autophagy via\nthe receptor NBR1", "process"),
        Node("mhc", "MHC-I at the\ncell surface"),
        Node("lysosome", "MHC-I degraded\nin lysosomes", "process"),
        Node("cq", "chloroquine or\nATG knockdown", "inhibitor"),
        Node("cd8", "CD8+ T cell\nrecognises antigen"),
        Node("pd1", "PD-1, CTLA-4\n(brakes)"),
        Node("icb", "anti-PD-1 plus\nanti-CTLA-4", "drug"),
        Node("killing", "tumour cell killed", "death"),
    ),
    edges=(
        Edge("autophagy", "lysosome"),
        Edge("lysosome", "mhc", "inhibits"),
        Edge("cq", "autophagy", "inhibits"),
        Edge("mhc", "cd8"),
        Edge("pd1", "cd8", "inhibits"),
        Edge("icb", "pd1", "inhibits"),
        Edge("cd8", "killing"),
    ),
    groups=(Group("tumour cell (PDAC data, not HCC)", ("autophagy", "mhc", "lysosome", "cq")),
            Group("T cell", ("cd8", "pd1"))),
)

DIAGRAMS = (ACCOMPLICE_OR_ANTAGONIST, SORAFENIB_ROUTES, MULTIKINASE_MECHANISMS,
            DOXORUBICIN_AND_BLOCKERS, OXALIPLATIN_AND_MACROPHAGES, CISPLATIN_AND_MITOPHAGY,
            MHC_I_AND_CHECKPOINTS)
