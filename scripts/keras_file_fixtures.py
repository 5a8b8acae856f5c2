"""Keras model files for what scripts/framework_fixtures.py does not cover, without PyTorch
(Tests/InteropTests/Fixtures/keras_files.json and the files it names):
- SimpleRNN(activation='relu' | 'sigmoid'), which rnnsh's BasicRNNCell computes: a Keras 3
  `.keras` (relu), a stacked Keras 3 `.keras` (sigmoid), a tf-keras legacy `.h5` of
  Bidirectional(SimpleRNN(relu)); each with the framework's own outputs on fixed inputs;
- files rnnsh must refuse, each with the words its error must contain: SimpleRNN layers with
  different activations, an activation rnnsh has no cell for (elu), an LSTM with
  activation='relu', and stacks mixing Bidirectional and plain layers (both orders).

    TF_USE_LEGACY_KERAS=1 ~/.cache/rnnsh-peers-venv/bin/python scripts/keras_file_fixtures.py

Weights are drawn from a seeded numpy generator and set with set_weights, so running the script
twice writes the same outputs (the .keras archives carry a save date, so their bytes differ).
"""
import json, os
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import tensorflow as tf
import keras as keras3

B, T, U, K = 3, 6, 4, 3          # inputs are T x T images: rnnsh reads steps = input = T
FILES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "InteropTests", "Fixtures")
rng = np.random.RandomState(20261207)
x = rng.normal(0, 1, (B, T, T)).astype(np.float32)
cases = []

def file_case(file, api, layers, refuse=None):
    K_ = keras3 if api == "keras3" else tf.keras
    model = K_.Sequential([K_.Input((T, T))] + layers + [K_.layers.Dense(K)])
    weights = [rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in model.get_weights()]
    model.set_weights(weights)
    out = np.asarray(model.predict(x, verbose=0))
    model.save(os.path.join(FILES, file))
    described = []
    for l in layers:
        inner = getattr(l, "forward_layer", None) or l
        described.append("%s(%s, activation=%s)" % (type(l).__name__, type(inner).__name__, inner.get_config().get("activation")))
    cases.append({"file": file, "framework": api, "layers": described, "refuse": refuse,
                  "outputs": [] if refuse else out.astype(np.float32).ravel().tolist()})

K3, TK = keras3.layers, tf.keras.layers
file_case("keras3_simple_rnn_relu.keras", "keras3", [K3.SimpleRNN(U, activation="relu")])
file_case("keras3_simple_rnn_sigmoid_stacked.keras", "keras3",
          [K3.SimpleRNN(U, activation="sigmoid", return_sequences=True), K3.SimpleRNN(U, activation="sigmoid")])
file_case("tfkeras_simple_rnn_relu_bidirectional.h5", "tf-keras", [TK.Bidirectional(TK.SimpleRNN(U, activation="relu"))])
file_case("keras3_simple_rnn_mixed_activations.keras", "keras3",
          [K3.SimpleRNN(U, activation="relu", return_sequences=True), K3.SimpleRNN(U)], refuse="one activation in all its layers")
file_case("keras3_simple_rnn_elu.keras", "keras3", [K3.SimpleRNN(U, activation="elu")], refuse="computes tanh, relu or sigmoid")
file_case("keras3_lstm_relu.keras", "keras3", [K3.LSTM(U, activation="relu")], refuse="LSTM uses tanh")
file_case("keras3_bidirectional_then_lstm.keras", "keras3",
          [K3.Bidirectional(K3.LSTM(U, return_sequences=True)), K3.LSTM(U)], refuse="every layer Bidirectional or none")
file_case("tfkeras_lstm_then_bidirectional.h5", "tf-keras",
          [TK.LSTM(U, return_sequences=True), TK.Bidirectional(TK.LSTM(U))], refuse="every layer Bidirectional or none")

with open(os.path.join(FILES, "keras_files.json"), "w") as f:
    json.dump({"about": "keras %s, tf-keras %s; batch %d, %d steps of %d, units %d, classes %d. Made by scripts/keras_file_fixtures.py."
                        % (keras3.__version__, tf.__version__, B, T, T, U, K),
               "batch": B, "steps": T, "units": U, "classes": K,
               "inputs": x.ravel().tolist(), "cases": cases}, f)
    f.write("\n")
print("wrote", len(cases), "model files to", os.path.normpath(FILES))
