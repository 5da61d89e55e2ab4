"""Common mistakes in hand-written activations, kept runnable so the pages can show what they do.

Each function here is deliberately wrong; the pages include them next to the demonstration of
what goes wrong, and the tests check that they still go wrong in exactly that way.
"""

import numpy as np


# --8<-- [start:naive_softmax]
def naive_softmax(x):
    e = np.exp(x)  # inf for large x, and then inf / inf is nan
    return e / np.sum(e)
# --8<-- [end:naive_softmax]


# --8<-- [start:in_place_softmax]
def in_place_softmax(x):
    x -= np.max(x)  # writes into the caller's array
    e = np.exp(x)
    return e / np.sum(e)
# --8<-- [end:in_place_softmax]


# --8<-- [start:whole_array_softmax]
def whole_array_softmax(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)  # sums over every element, not over each row
# --8<-- [end:whole_array_softmax]
