"""The usage example on the home page; the tests run this file."""

# --8<-- [start:usage]
import numpy as np

from activations import relu, sigmoid, softmax

print(sigmoid(np.array([-2.0, 0.0, 2.0], dtype=np.float32)))  # float32 in, float32 out
print(softmax([[1.0, 2.0, 3.0], [1.0, 2.0, 7.0]]))  # each row sums to 1
print(relu([-1, 0, 3]))  # integers become float64
# --8<-- [end:usage]
