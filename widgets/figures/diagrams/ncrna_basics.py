"""Diagrams of the non-coding RNA chapter's opening pages: biogenesis, tools and target proof."""
from . import Diagram, Edge, Node

MIRNA_BIOGENESIS = Diagram(
    name="mirna_biogenesis",
    nodes=(
        Node("gene", "miRNA gene\n(RNA polymerase II)", "process"),
        Node("pri", "pri-miRNA:\nlong transcript\nwith a hairpin", "quantity"),
        Node("drosha", "Drosha + DGCR8\n(nucleus)"),
        Node("pre", "pre-miRNA:\n~70 nt hairpin", "quantity"),
        Node("exportin", "Exportin-5\n(to the cytoplasm)"),
        Node("dicer", "Dicer"),
        Node("duplex", "~22 nt duplex", "quantity"),
        Node("risc", "one strand kept\nin Argonaute:\nthe silencing\ncomplex (RISC)", "inhibitor"),
        Node("mrna", "target mRNA:\nseed match\nin the 3′UTR", "quantity"),
        Node("repress", "less protein:\ntranslation repressed,\nmRNA decayed", "process"),
    ),
    edges=(
        Edge("gene", "pri", "becomes", "transcribed"),
        Edge("pri", "pre", "becomes"),
        Edge("drosha", "pre", "activates", "cuts"),
        Edge("pre", "duplex", "becomes"),
        Edge("exportin", "pre", "binds"),
        Edge("dicer", "duplex", "activates", "cuts"),
        Edge("duplex", "risc", "becomes"),
        Edge("risc", "mrna", "inhibits", "pairs"),
        Edge("mrna", "repress", "becomes"),
    ),
    rows=(("drosha", "pre"), ("dicer", "duplex")),
)

NCRNA_TO_FLUX = Diagram(
    name="ncrna_to_flux",
    nodes=(
        Node("lnc", "lncRNA acting\nas a sponge", "quantity"),
        Node("mir", "miRNA", "inhibitor"),
        Node("mrna", "mRNA of an\nautophagy protein", "quantity"),
        Node("protein", "protein level\n(e.g. ULK1, ATG7)"),
        Node("step", "one step of autophagy:\ninitiation, nucleation\nor conjugation", "process"),
        Node("flux", "autophagic flux", "process"),
        Node("fate", "survival or death\nunder a drug", "survival"),
    ),
    edges=(
        Edge("lnc", "mir", "inhibits", "binds"),
        Edge("mir", "mrna", "inhibits", "seed\npairing"),
        Edge("mrna", "protein", "becomes", "translated"),
        Edge("protein", "step", "activates", "sets the rate"),
        Edge("step", "flux"),
        Edge("flux", "fate"),
    ),
)

NCRNA_TOOLS = Diagram(
    name="ncrna_tools",
    nodes=(
        Node("vector", "raise: expression\nvector", "drug"),
        Node("sirna", "lower: siRNA,\nshRNA, CRISPR", "inhibitor"),
        Node("lnc", "lncRNA", "quantity"),
        Node("mimic", "raise:\nmimic\n(synthetic\nduplex)", "drug"),
        Node("antimir", "lower:\nantagomir,\nLNA anti-miR\nor sponge", "inhibitor"),
        Node("mir", "mature miRNA\nin Argonaute", "quantity"),
        Node("target", "target protein\n(e.g. ULK1)"),
        Node("flux", "autophagic flux:\nLC3-II ± bafilomycin A1,\np62", "process"),
    ),
    edges=(
        Edge("vector", "lnc", "activates"),
        Edge("sirna", "lnc", "inhibits"),
        Edge("mimic", "mir", "activates"),
        Edge("antimir", "mir", "inhibits"),
        Edge("lnc", "mir", "inhibits", "may\nsponge"),
        Edge("mir", "target", "inhibits"),
        Edge("target", "flux"),
    ),
    rows=(("vector", "sirna"), ("lnc", "mimic", "antimir")),
)

TARGET_VALIDATION = Diagram(
    name="target_validation",
    nodes=(
        Node("predict", "prediction: seed\nmatch in the 3′UTR\n(e.g. TargetScan)", "process"),
        Node("mimic", "miRNA mimic or\ncontrol oligo", "drug"),
        Node("wt", "luciferase +\nwild-type 3′UTR", "quantity"),
        Node("mut", "luciferase +\nseed-mutant 3′UTR", "quantity"),
        Node("wtres", "light falls:\nthe site can\nbe used", "process"),
        Node("mutres", "light unchanged:\nrepression needs\nthe seed site", "process"),
        Node("tissue", "cells or tissue:\ntarget protein\nand target mRNA", "quantity"),
        Node("trans", "protein changes,\nmRNA does not:\ntranslational\nrepression", "process"),
        Node("rescue", "rescue: a target\nwithout its 3′UTR\nreverses the effect", "survival"),
    ),
    edges=(
        Edge("predict", "wt"),
        Edge("predict", "mut"),
        Edge("mimic", "wt"),
        Edge("mimic", "mut"),
        Edge("wt", "wtres"),
        Edge("mut", "mutres"),
        Edge("wtres", "tissue"),
        Edge("mutres", "tissue"),
        Edge("tissue", "trans"),
        Edge("trans", "rescue"),
    ),
    rows=(("predict", "mimic"), ("wt", "mut"), ("wtres", "mutres")),
)

DIAGRAMS = (MIRNA_BIOGENESIS, NCRNA_TO_FLUX, NCRNA_TOOLS, TARGET_VALIDATION)
