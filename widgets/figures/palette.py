"""Colour-blind-safe colours (Okabe & Ito 2008) shared by every figure."""
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
CONTROL = OKABE_ITO["black"]
TREATED = OKABE_ITO["blue"]
INHIBITED = OKABE_ITO["vermillion"]
