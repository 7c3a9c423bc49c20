"""Diagrams of the machinery chapter: the pathway's steps, its switches, LC3, p62 and flux."""
from . import Diagram, Edge, Group, Node

MACROAUTOPHAGY_STEPS = Diagram(
    name="macroautophagy_steps",
    nodes=(
        Node("stress", "nutrient or energy stress,\nmany anticancer drugs", "stress"),
        Node("initiation", "1  Initiation\nULK1 complex", "process"),
        Node("nucleation", "2  Nucleation\nBeclin 1–VPS34 makes PI3P\non the phagophore", "process"),
        Node("elongation", "3  Elongation\nLC3 lipidation; p62 links\ncargo to LC3", "process"),
        Node("fusion", "4  Fusion\nautophagosome + lysosome\n= autolysosome", "process"),
        Node("degradation", "5  Degradation\ncargo digested,\nbuilding blocks recycled", "process"),
    ),
    edges=(
        Edge("stress", "initiation"),
        Edge("initiation", "nucleation", "becomes"),
        Edge("nucleation", "elongation", "becomes"),
        Edge("elongation", "fusion", "becomes"),
        Edge("fusion", "degradation", "becomes"),
    ),
)

ULK1_AND_BECLIN1_SWITCHES = Diagram(
    name="ulk1_beclin1_switches",
    nodes=(
        Node("nutrients", "nutrients,\ngrowth factors", "stress"),
        Node("energy", "energy stress\n(AMP up)", "stress"),
        Node("mtorc1", "mTORC1"),
        Node("ampk", "AMPK"),
        Node("ulk1", "ULK1 complex\nULK1 (or ULK2), ATG13,\nFIP200, ATG101"),
        Node("beclin1", "Beclin 1–VPS34 complex\nBeclin 1, VPS34,\nVPS15 (p150), ATG14"),
        Node("jnk1", "JNK1\n(starvation)"),
        Node("bcl2", "BCL-2"),
        Node("pi3p", "PI3P on the phagophore:\nnucleation", "process"),
    ),
    edges=(
        Edge("nutrients", "mtorc1"),
        Edge("energy", "ampk"),
        Edge("ampk", "mtorc1", "inhibits", "TSC2,\nraptor"),
        Edge("mtorc1", "ulk1", "inhibits", "Ser757"),
        Edge("ampk", "ulk1", "activates", "Ser317,\n555, 777"),
        Edge("ulk1", "beclin1", "activates", "Beclin 1\nSer14"),
        Edge("jnk1", "bcl2", "inhibits", "phospho-\nrylates"),
        Edge("bcl2", "beclin1", "inhibits", "binds\nBH3"),
        Edge("beclin1", "pi3p"),
    ),
    rows=(("nutrients", "energy"), ("mtorc1", "ampk"), ("ulk1", "jnk1"), ("beclin1", "bcl2")),
)

LC3_LIFE_CYCLE = Diagram(
    name="lc3_life_cycle",
    nodes=(
        Node("prolc3", "pro-LC3 (new protein)"),
        Node("lc3i", "LC3-I (cytosol)\nGly120 exposed"),
        Node("e1", "ATG7 (E1-like)\nATG3 (E2-like)\nATG12–ATG5-ATG16L1 (E3-like)", "process"),
        Node("lc3ii", "LC3-II (bound to PE)\non both autophagosome membranes"),
        Node("outer", "outer membrane:\nPE removed again", "process"),
        Node("inner", "inner membrane:\ndigested in the lysosome", "process"),
    ),
    edges=(
        Edge("prolc3", "lc3i", "becomes", "ATG4 cuts"),
        Edge("lc3i", "e1", "becomes"),
        Edge("e1", "lc3ii", "becomes", "+ PE"),
        Edge("lc3ii", "outer", "becomes"),
        Edge("lc3ii", "inner", "becomes"),
        Edge("outer", "lc3i", "becomes", "ATG4 recycles"),
    ),
)

P62_KEAP1_NRF2 = Diagram(
    name="p62_keap1_nrf2",
    nodes=(
        Node("cargo", "ubiquitinated cargo", "stress"),
        Node("p62", "p62/SQSTM1\n(UBA binds ubiquitin,\nLIR binds LC3)"),
        Node("lc3", "LC3-II on the\nautophagosome"),
        Node("lysosome", "degraded together\nin the lysosome", "process"),
        Node("keap1", "KEAP1 (with CUL3)"),
        Node("nrf2", "NRF2"),
        Node("genes", "antioxidant and\ndetoxifying genes", "survival"),
    ),
    edges=(
        Edge("cargo", "p62", "binds"),
        Edge("p62", "lc3", "binds"),
        Edge("lc3", "lysosome", "becomes", "flux"),
        Edge("p62", "keap1", "inhibits", "accumulated,\nphosphorylated p62"),
        Edge("keap1", "nrf2", "inhibits", "sends to\ndegradation"),
        Edge("nrf2", "genes"),
    ),
)

FLUX_BATHTUB = Diagram(
    name="flux_bathtub",
    nodes=(
        Node("tap", "tap: formation\n(ULK1, Beclin 1, LC3 lipidation)", "process"),
        Node("level", "water level: autophagosomes,\nLC3-II at one moment", "quantity"),
        Node("drain", "drain: fusion and\nlysosomal degradation = flux", "process"),
        Node("early", "3-MA, ATG knockdown", "inhibitor"),
        Node("late", "bafilomycin A1,\nchloroquine", "inhibitor"),
    ),
    edges=(
        Edge("tap", "level", "becomes"),
        Edge("level", "drain", "becomes"),
        Edge("early", "tap", "inhibits"),
        Edge("late", "drain", "inhibits"),
    ),
    rows=(("early", "tap"), ("late", "drain")),
)

TURNOVER_ASSAY = Diagram(
    name="turnover_assay",
    nodes=(
        Node("treatment", "cells ± the treatment\nunder study", "drug"),
        Node("without", "LC3-II without\nlysosomal inhibitor", "quantity"),
        Node("with", "LC3-II with bafilomycin A1\nfor a short window", "quantity"),
        Node("difference", "difference = LC3-II delivered\nto lysosomes (flux)", "process"),
    ),
    edges=(
        Edge("treatment", "without"),
        Edge("treatment", "with"),
        Edge("without", "difference", "becomes", "subtract"),
        Edge("with", "difference", "becomes"),
    ),
)

DIAGRAMS = (MACROAUTOPHAGY_STEPS, ULK1_AND_BECLIN1_SWITCHES, LC3_LIFE_CYCLE, P62_KEAP1_NRF2,
            FLUX_BATHTUB, TURNOVER_ASSAY)
