"""The program a pandas user writes instead of a batch job: read the whole CSV with pandas, predict
every row with scikit-learn's SVC (the Iris model of the Celery peer, ../shared/peers/celery), write
id and species. Timed as a whole command by bench/run-benchmark.sh, start-up and training included
(training on 149 rows takes milliseconds).

usage: python3 bench/pandas_predict.py INPUT.csv OUTPUT.csv"""
import sys

import numpy as np
import pandas as pd
from sklearn import datasets, svm

FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
NAMES = np.array(["setosa", "versicolor", "virginica"])

source, target = sys.argv[1], sys.argv[2]
iris = datasets.load_iris()
model = svm.SVC(gamma=0.001, C=100.0).fit(iris.data[:-1], iris.target[:-1])
frame = pd.read_csv(source)
species = NAMES[model.predict(frame[FEATURES].to_numpy())]
pd.DataFrame({"id": frame["id"], "species": species}).to_csv(target, index=False)
