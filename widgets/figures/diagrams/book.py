"""Diagrams of the book itself: the model in one picture, how the pieces fit, the drawing key."""
from . import Diagram, Edge, Node

FLUX_MODEL = Diagram(
    name="flux_model",
    nodes=(
        Node("lc3i", "LC3-I"),
        Node("lc3ii", "LC3-II and p62 on\nautophagosomes", "quantity"),
        Node("auto", "LC3-II and p62 in\nautolysosomes", "quantity"),
        Node("gone", "degraded: flux", "process"),
        Node("early", "3-MA, ULK1\ninhibitor, ATG\nknockdown", "inhibitor"),
        Node("late", "bafilomycin\nA1, chloro-\nquine", "inhibitor"),
        Node("drug", "drug dose", "drug"),
        Node("damage", "damage", "stress"),
        Node("fate", "growth slows,\ncells die", "death"),
    ),
    edges=(
        Edge("lc3i", "lc3ii", "becomes", "formation"),
        Edge("lc3ii", "lc3i", "becomes", "ATG4"),
        Edge("lc3ii", "auto", "becomes", "fusion"),
        Edge("auto", "gone", "becomes", "degradation"),
        Edge("early", "lc3ii", "inhibits"),
        Edge("late", "auto", "inhibits"),
        Edge("drug", "damage"),
        Edge("gone", "damage", "inhibits", "clears"),
        Edge("damage", "fate"),
    ),
    rows=(("early", "lc3ii"), ("late", "auto")),
)

CELL_FATE_MODEL = Diagram(
    name="cell_fate_model",
    nodes=(
        Node("drug", "drug concentration (µM)", "drug"),
        Node("damage", "damage, made at a rate\nproportional to the dose", "stress"),
        Node("flux", "autophagic flux", "process"),
        Node("growth", "slower growth", "death"),
        Node("death", "cell death", "death"),
        Node("lethal", "Huh7-SR: autophagy\nitself is lethal", "death"),
        Node("viability", "viability, IC50", "quantity"),
    ),
    edges=(
        Edge("drug", "damage"),
        Edge("flux", "damage", "inhibits", "clears"),
        Edge("damage", "growth"),
        Edge("damage", "death"),
        Edge("flux", "lethal"),
        Edge("growth", "viability"),
        Edge("death", "viability"),
        Edge("lethal", "viability"),
    ),
    rows=(("flux", "damage"),),
)

BOOK_PIECES = Diagram(
    name="book_pieces",
    nodes=(
        Node("data", "data/: every number,\nwith its source and basis", "quantity"),
        Node("model", "widgets.model:\nthe equations (NumPy)", "process"),
        Node("figures", "widgets.figures:\nplots and diagrams", "process"),
        Node("panels", "widgets.panels:\nthe controls", "process"),
        Node("pages", "chapter pages\nand notebooks", "process"),
        Node("site", "static website\n(offline, no server)", "survival"),
        Node("lab", "JupyterLab in class\n(live kernel)", "survival"),
        Node("bank", "data/quizzes:\nquiz banks", "quantity"),
        Node("lms", "Moodle and Canvas\nexports", "survival"),
    ),
    edges=(
        Edge("data", "model"),
        Edge("model", "figures"),
        Edge("figures", "panels"),
        Edge("panels", "pages"),
        Edge("pages", "site"),
        Edge("pages", "lab"),
        Edge("bank", "pages"),
        Edge("bank", "lms"),
    ),
    rows=(("panels", "bank"),),
)

DIAGRAM_KEY = Diagram(
    name="diagram_key",
    nodes=(
        Node("drug", "drug or treatment", "drug"),
        Node("stress", "stress or signal", "stress"),
        Node("protein", "protein or complex"),
        Node("partner", "binding partner"),
        Node("process", "process or step", "process"),
        Node("inhibitor", "autophagy inhibitor", "inhibitor"),
        Node("quantity", "quantity in the model\nor measured", "quantity"),
        Node("survival", "cell survives", "survival"),
        Node("death", "cell dies", "death"),
    ),
    edges=(
        Edge("drug", "stress", "activates", "activates"),
        Edge("stress", "protein", "activates", "activates"),
        Edge("partner", "protein", "binds", "binds"),
        Edge("protein", "process", "becomes", "becomes"),
        Edge("inhibitor", "process", "inhibits", "inhibits"),
        Edge("process", "quantity", "becomes", "becomes"),
        Edge("quantity", "survival"),
        Edge("quantity", "death"),
    ),
    rows=(("partner", "protein"), ("inhibitor", "process")),
)

DIAGRAMS = (FLUX_MODEL, CELL_FATE_MODEL, BOOK_PIECES, DIAGRAM_KEY)
