"""Diagrams of the cancer stem cell chapter: the CSC idea, its assays, resistance and the niche."""
from . import Diagram, Edge, Group, Node

CSC_HIERARCHY = Diagram(
    name="csc_hierarchy",
    nodes=(
        Node("csc", "cancer stem cells:\na minority that\nself-renews and\ninitiates tumours", "survival"),
        Node("bulk", "non-stem bulk:\nmost of the tumour", "process"),
        Node("therapy", "chemotherapy or\ntargeted drug", "drug"),
        Node("dead", "most bulk cells die", "death"),
        Node("relapse", "survivors regrow\nthe mixture:\nrelapse", "quantity"),
    ),
    edges=(
        Edge("csc", "csc", "becomes", "self-\nrenewal"),
        Edge("csc", "bulk", "becomes", "differen-\ntiation"),
        Edge("bulk", "csc", "becomes", "plasticity"),
        Edge("therapy", "dead"),
        Edge("bulk", "dead", "becomes"),
        Edge("csc", "relapse", "activates", "spared"),
    ),
    rows=(("csc", "therapy"),),
)

MEASURING_STEMNESS = Diagram(
    name="measuring_stemness",
    nodes=(
        Node("cells", "single cells from a\nline or a tumour", "quantity"),
        Node("flow", "flow cytometry: antibody\nagainst CD133, CD44 or\nEpCAM; a control sets\nthe gate", "process"),
        Node("percent", "% marker-positive\n(a phenotype)", "quantity"),
        Node("sorted", "sorted marker+ and\nmarker− fractions", "quantity"),
        Node("spheres", "sphere formation:\nfloating culture", "process"),
        Node("dilution", "limiting dilution:\nfewer and fewer\ncells into mice", "process"),
        Node("function", "self-renewal and\ntumour-initiating\nfrequency (a function)", "survival"),
    ),
    edges=(
        Edge("cells", "flow"),
        Edge("flow", "percent"),
        Edge("flow", "sorted", "becomes", "sorter"),
        Edge("sorted", "spheres"),
        Edge("sorted", "dilution"),
        Edge("spheres", "function"),
        Edge("dilution", "function"),
    ),
    rows=(("percent", "sorted"),),
)

CSC_RESISTANCE_ROUTES = Diagram(
    name="csc_resistance_routes",
    nodes=(
        Node("drug", "chemotherapy\nor sorafenib", "drug"),
        Node("abc", "ABC transporters\n(ABCG2, MRP1)"),
        Node("quiescence", "quiescence\n(G0): little\nreplication", "process"),
        Node("signals", "stemness\nsignals: STAT3,\nAKT, NF-κB"),
        Node("damage", "DNA damage\nand apoptosis", "death"),
        Node("emt", "EMT: non-stem\ncells gain\nstem traits", "process"),
        Node("pool", "CSC-rich\nsurvivors", "survival"),
    ),
    edges=(
        Edge("drug", "damage"),
        Edge("abc", "drug", "inhibits", "pumps\nout"),
        Edge("quiescence", "damage", "inhibits"),
        Edge("signals", "damage", "inhibits"),
        Edge("damage", "pool", "becomes", "spares\nCSCs"),
        Edge("emt", "pool", "activates", "adds\nCSCs"),
    ),
    rows=(("damage", "emt"),),
)

SELECTION_OR_INDUCTION = Diagram(
    name="selection_or_induction",
    nodes=(
        Node("mixed", "mixed culture:\nfew CD133+ cells", "quantity"),
        Node("drug", "drug exposure\n(e.g. doxorubicin\n150 nM, HepG2)", "drug"),
        Node("selection", "selection:\nCD133− cells die,\nCD133+ cells persist", "death"),
        Node("induction", "induction:\ncells switch\nCD133 on", "process"),
        Node("result", "more CD133+ cells\namong the survivors", "quantity"),
        Node("test", "telling them apart:\ncount cells, track\nsorted fractions", "process"),
    ),
    edges=(
        Edge("mixed", "drug"),
        Edge("drug", "selection"),
        Edge("drug", "induction"),
        Edge("selection", "result"),
        Edge("induction", "result"),
        Edge("result", "test", "binds"),
    ),
    rows=(("selection", "induction"),),
)

TAM_IL6_STAT3 = Diagram(
    name="tam_il6_stat3",
    nodes=(
        Node("tam", "CD14+ tumour-associated\nmacrophages", "stress"),
        Node("il6", "IL-6"),
        Node("receptor", "IL-6 receptor"),
        Node("toci", "tocilizumab\n(5 µg/mL)", "inhibitor"),
        Node("stat3", "phospho-STAT3"),
        Node("shrna", "STAT3 shRNA", "inhibitor"),
        Node("expansion", "more CD44+ cells,\nspheres and xenografts", "survival"),
    ),
    edges=(
        Edge("tam", "il6", "activates", "secrete"),
        Edge("il6", "receptor", "binds"),
        Edge("toci", "receptor", "inhibits"),
        Edge("receptor", "stat3"),
        Edge("shrna", "stat3", "inhibits"),
        Edge("stat3", "expansion"),
    ),
    groups=(Group("HepG2 cells", ("receptor", "stat3", "expansion")),),
)

TARBP2_NANOG = Diagram(
    name="tarbp2_nanog",
    nodes=(
        Node("sr", "sorafenib-resistant\nHCC cells", "stress"),
        Node("autophagy", "autophagic–lysosomal\nproteolysis", "process"),
        Node("tarbp2", "TARBP2 protein"),
        Node("nanog", "Nanog protein\n(stemness factor)"),
        Node("resistance", "sorafenib resistance", "survival"),
    ),
    edges=(
        Edge("sr", "autophagy"),
        Edge("autophagy", "tarbp2", "inhibits", "degrades"),
        Edge("tarbp2", "nanog", "inhibits", "destabilises"),
        Edge("nanog", "resistance"),
    ),
)

CD133_AUTOPHAGY_ACCOMPLICE = Diagram(
    name="cd133_autophagy_accomplice",
    nodes=(
        Node("hs", "hypoxia plus\nnutrient starvation", "stress"),
        Node("enriched", "CD133+ Huh7 cells\nenriched", "quantity"),
        Node("autophagy", "more autophagy in\nCD133+ cells (vesicles,\nGFP-LC3 puncta)", "process"),
        Node("cq", "chloroquine", "inhibitor"),
        Node("survive", "accomplice: CD133+\ncells survive, form\nspheres and tumours", "survival"),
        Node("apoptosis", "with chloroquine:\nmore apoptosis,\nfewer colonies", "death"),
    ),
    edges=(
        Edge("hs", "enriched"),
        Edge("enriched", "autophagy"),
        Edge("cq", "autophagy", "inhibits"),
        Edge("autophagy", "survive"),
        Edge("cq", "apoptosis"),
    ),
    rows=(("cq", "autophagy"), ("survive", "apoptosis")),
)

CD133_AUTOPHAGY_ANTAGONIST = Diagram(
    name="cd133_autophagy_antagonist",
    nodes=(
        Node("ifn", "IFN-γ (an immune\ncytokine, not a drug)", "stress"),
        Node("low", "low-CD133+ lines\n(BEL7402, QGY7701)", "quantity"),
        Node("high", "high-CD133+ lines\n(Huh7, PLC8024)", "quantity"),
        Node("autophagy", "autophagy\ninduced", "process"),
        Node("slow", "antagonist:\nproliferation\nfalls", "death"),
        Node("unchanged", "proliferation\nunchanged", "survival"),
    ),
    edges=(
        Edge("ifn", "low"),
        Edge("ifn", "high"),
        Edge("low", "autophagy"),
        Edge("autophagy", "slow"),
        Edge("high", "unchanged", "activates", "resisted"),
    ),
)

DIAGRAMS = (CSC_HIERARCHY, MEASURING_STEMNESS, CSC_RESISTANCE_ROUTES, SELECTION_OR_INDUCTION,
            TAM_IL6_STAT3, TARBP2_NANOG, CD133_AUTOPHAGY_ACCOMPLICE,
            CD133_AUTOPHAGY_ANTAGONIST)
