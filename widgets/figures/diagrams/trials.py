"""Diagrams of the clinical translation chapter: the trial landscape and the dish-to-patient gap."""
from . import Diagram, Edge, Group, Node

TRIAL_LANDSCAPE = Diagram(
    name="trial_landscape",
    nodes=(
        Node("vor", "phase I, HCQ +\nvorinostat, n = 27:\n600 mg/day tolerated,\n1 response", "inhibitor"),
        Node("tem", "phase I, HCQ +\ntemsirolimus, n = 39:\nno responses; block\nonly at 1200 mg/day", "inhibitor"),
        Node("panc", "phase II, randomised,\nmetastatic pancreas,\nn = 112: 12-month\nsurvival not better", "inhibitor"),
        Node("preop", "phase II, randomised,\npancreas before\nsurgery: better tumour\nresponse, same survival", "inhibitor"),
        Node("sor1", "phase I, HCQ +\nsorafenib, solid\ntumours: no results", "drug"),
        Node("hcc", "phase II, HCC:\nsorafenib + HCQ,\n2 cohorts, no control,\n68 planned, no results", "drug"),
        Node("ixa", "phase I, ixazomib +\nvorinostat, n = 59:\nno HCQ, no autophagy\nread-out", "process"),
        Node("lost", "sirolimus or vorinostat\n+ HCQ; SIRT1 study:\nrecords not found", "stress"),
    ),
    edges=(
        Edge("vor", "tem", "activates", "higher\ndose"),
        Edge("tem", "panc", "activates", "600 mg\ntwice daily"),
        Edge("panc", "preop", "binds", "also\nrandomised"),
        Edge("sor1", "hcc", "activates", "same\nsponsor"),
        Edge("hcc", "ixa", "binds"),
        Edge("ixa", "lost", "binds"),
    ),
    groups=(Group("the review's Table 2", ("hcc", "ixa", "lost")),),
    rows=(("vor", "sor1"), ("tem", "hcc"), ("panc", "ixa"), ("preop", "lost")),
)

DISH_TO_PATIENT = Diagram(
    name="dish_to_patient",
    nodes=(
        Node("dose", "HCQ 400 mg/day\n(HCC trial dose)", "drug"),
        Node("blood", "whole blood\nabout 2.7 µM\n(plasma about half)", "quantity"),
        Node("tumour", "tumour: no human\nconcentration\nfound", "process"),
        Node("readout", "read-out: vacuoles\nin PBMCs (EM),\nLC3-II, p62,\nbiopsies", "quantity"),
        Node("high", "1200 mg/day:\nthe dose that\nblocked autophagy\nin blood cells\nand tumour", "inhibitor"),
        Node("dish", "cell culture:\n20-50 µM\nchloroquine\nor HCQ", "stress"),
    ),
    edges=(
        Edge("dose", "blood", "becomes", "absorbed"),
        Edge("blood", "tumour", "becomes", "distributed"),
        Edge("tumour", "readout", "activates", "measured\nas"),
        Edge("high", "readout", "activates"),
        Edge("dish", "blood", "binds", "about 10x\nhigher"),
    ),
    rows=(("dose", "dish"), ("readout", "high")),
)

DIAGRAMS = (TRIAL_LANDSCAPE, DISH_TO_PATIENT)
