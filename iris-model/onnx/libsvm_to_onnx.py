#!/usr/bin/env python3
"""Writes a trained LIBSVM C-SVC (the text file svm_save_model writes) as an ONNX-ML model.

The model becomes one SVMClassifier node (ai.onnx.ml opset 1), the operator ONNX defines for
support vector classifiers, with LIBSVM's one-vs-one layout kept as it is:

  input  "features": float [N, F], the features in LIBSVM's index order 1..F (a dense vector)
  output "label":    int64 [N], the winning class's LIBSVM label
  output "scores":   float [N, K*(K-1)/2], the pairwise decision values

LIBSVM subtracts rho from each pairwise sum; ONNX Runtime adds it, so rho is written negated.
Only what the Iris model uses is supported (C-SVC, RBF/linear/poly/sigmoid kernels, no probability
model); anything else is refused by name rather than converted wrongly.

Usage: libsvm_to_onnx.py MODEL_FILE OUTPUT.onnx [--features F]
Needs the onnx Python package: on Debian, apt-get install python3-onnx and run it with /usr/bin/python3.
"""
import argparse
import sys

try:
    import onnx
    from onnx import TensorProto, helper
except ImportError:
    sys.exit("libsvm_to_onnx.py needs the onnx Python package: apt-get install python3-onnx (or pip install onnx)")

KERNELS = {"linear": "LINEAR", "polynomial": "POLY", "rbf": "RBF", "sigmoid": "SIGMOID"}


def read_libsvm(path):
    header, vectors, coefficients = {}, [], []
    with open(path, encoding="ascii") as lines:
        for line in lines:
            words = line.split()
            if words == ["SV"]:
                break
            header[words[0]] = words[1:]
        classes = int(header["nr_class"][0])
        for line in lines:
            words = line.split()
            coefficients.append([float(w) for w in words[:classes - 1]])
            vectors.append({int(k): float(v) for k, v in (w.split(":") for w in words[classes - 1:])})
    return header, vectors, coefficients


def convert(header, vectors, coefficients, feature_count):
    if header["svm_type"] != ["c_svc"]:
        sys.exit(f"only c_svc models are supported, this one is {header['svm_type'][0]}")
    if "probA" in header:
        sys.exit("models with a probability model (-b 1) are not supported")
    kernel = header["kernel_type"][0]
    if kernel not in KERNELS:
        sys.exit(f"the kernel {kernel} has no ONNX SVMClassifier equivalent")
    classes = int(header["nr_class"][0])
    labels = [int(x) for x in header["label"]]
    per_class = [int(x) for x in header["nr_sv"]]
    total = int(header["total_sv"][0])
    if len(vectors) != total or sum(per_class) != total:
        sys.exit(f"the model lists {len(vectors)} support vectors, its header says {total}")
    width = feature_count or max(max(v) for v in vectors)
    dense = [v.get(index, 0.0) for v in vectors for index in range(1, width + 1)]
    # LIBSVM's sv_coef is [classes - 1][total]; ONNX takes it flattened row by row.
    coefs = [coefficients[sv][row] for row in range(classes - 1) for sv in range(total)]
    gamma = float(header.get("gamma", [0])[0])
    coef0 = float(header.get("coef0", [0])[0])
    degree = float(header.get("degree", [3])[0])
    node = helper.make_node(
        "SVMClassifier", ["features"], ["label", "scores"], domain="ai.onnx.ml",
        classlabels_ints=labels, coefficients=coefs, kernel_params=[gamma, coef0, degree],
        kernel_type=KERNELS[kernel], rho=[-float(r) for r in header["rho"]],
        support_vectors=dense, vectors_per_class=per_class, post_transform="NONE")
    graph = helper.make_graph(
        [node], "libsvm_c_svc",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, width])],
        [helper.make_tensor_value_info("label", TensorProto.INT64, [None]),
         helper.make_tensor_value_info("scores", TensorProto.FLOAT, [None, classes * (classes - 1) // 2])])
    model = helper.make_model(graph, producer_name="prediction-batch libsvm_to_onnx.py",
                              opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)])
    model.ir_version = 8  # readable by ONNX Runtime 1.10 and later
    onnx.checker.check_model(model)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="LIBSVM model file (svm_save_model's text format)")
    parser.add_argument("output", help="ONNX file to write")
    parser.add_argument("--features", type=int, default=0,
                        help="number of features (default: the highest index any support vector uses)")
    arguments = parser.parse_args()
    model = convert(*read_libsvm(arguments.model), arguments.features)
    onnx.save(model, arguments.output)
    print(f"wrote {arguments.output}: SVMClassifier, {len(model.graph.node[0].attribute)} attributes")


if __name__ == "__main__":
    main()
