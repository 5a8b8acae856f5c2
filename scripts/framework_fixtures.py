"""Round-trip fixtures made by the frameworks themselves (Tests/RNNTests/Fixtures/frameworks/).

Runs in a venv with tensorflow-cpu 2.21 + tf-keras and torch (CPU):
    TF_USE_LEGACY_KERAS=1 /work/venv-tf/bin/python scripts/framework_fixtures.py
For each case a Keras Sequential or a PyTorch ModuleDict with random weights is saved the way
rnnsh's README says to save it for `load`, and its logits on fixed inputs are recorded:
- Keras: `np.savez(f, **dict(zip(NAMES, model.get_weights())))`, NAMES being the layer-named
  list `export format=keras` writes (`lstm/kernel`, `lstm/recurrent_kernel`, `lstm/bias`, …,
  `dense/kernel`, `dense/bias`; stacked `lstm_1/…`; bidirectional `bidirectional/forward_gru/…`);
- PyTorch: `np.savez(f, **{k: v.numpy() for k, v in model.state_dict().items()})` of
  `ModuleDict({'lstm': nn.LSTM(…, batch_first=True), 'fc': nn.Linear(…)})`, logits
  `fc(h_n[-1])` (bidirectional: `fc(cat(h_n[-2], h_n[-1]))`, Keras's Bidirectional convention).
Tests load each file into rnnsh, compare its logits with the framework's, export it back and
compare the arrays (RNNTests/FrameworkRoundTripTests). Two more cases are ones rnnsh must refuse
with the reason: Keras's GRU(reset_after=True) and PyTorch's nn.GRU.
"""
import json, os
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow as tf
import torch

B, T, U, K = 3, 6, 4, 3          # inputs are T x T images: rnnsh reads steps = input = T
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "RNNTests", "Fixtures", "frameworks")
rng = np.random.RandomState(20261205)
x = rng.normal(0, 1, (B, T, T)).astype(np.float32)
cases = []

def keras_case(name, layers, make, names, refuse=False):
    tf.keras.utils.set_random_seed(len(cases) + 1)
    model = tf.keras.Sequential([tf.keras.Input((T, T))] + layers + [tf.keras.layers.Dense(K)])
    weights = [rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in model.get_weights()]
    model.set_weights(weights)
    logits = model.predict(x, verbose=0)
    assert len(names) == len(weights), (names, [w.shape for w in weights])
    np.savez(os.path.join(OUT, name + ".npz"), **dict(zip(names, weights)))
    cases.append({"name": name, "framework": "keras", "layer": make, "refuse": refuse,
                  "logits": logits.astype(np.float32).ravel().tolist()})

def rnn_names(prefix, n): return [prefix + "kernel", prefix + "recurrent_kernel", prefix + "bias"][:n]
dense = ["dense/kernel", "dense/bias"]
L = tf.keras.layers
keras_case("keras_lstm", [L.LSTM(U)], "LSTM(4)", rnn_names("lstm/", 3) + dense)
keras_case("keras_gru", [L.GRU(U, reset_after=False)], "GRU(4, reset_after=False)", rnn_names("gru/", 3) + dense)
keras_case("keras_simple_rnn", [L.SimpleRNN(U)], "SimpleRNN(4)", rnn_names("simple_rnn/", 3) + dense)
keras_case("keras_lstm_stacked", [L.LSTM(U, return_sequences=True), L.LSTM(U)], "LSTM(4, return_sequences=True), LSTM(4)",
           rnn_names("lstm/", 3) + rnn_names("lstm_1/", 3) + dense)
keras_case("keras_gru_bidirectional", [L.Bidirectional(L.GRU(U, reset_after=False))], "Bidirectional(GRU(4, reset_after=False))",
           rnn_names("bidirectional/forward_gru/", 3) + rnn_names("bidirectional/backward_gru/", 3) + dense)
keras_case("keras_gru_reset_after", [L.GRU(U)], "GRU(4) (reset_after=True)", rnn_names("gru/", 3) + dense, refuse=True)

def torch_case(name, module, key, bidirectional, refuse=False):
    torch.manual_seed(len(cases))
    rnn = module
    fc = torch.nn.Linear(U * (2 if bidirectional else 1), K)
    model = torch.nn.ModuleDict({key: rnn, "fc": fc})
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.from_numpy(rng.uniform(-0.7, 0.7, tuple(p.shape)).astype(np.float32)))
        _, h = rnn(torch.from_numpy(x))
        if isinstance(h, tuple): h = h[0]
        last = torch.cat([h[-2], h[-1]], 1) if bidirectional else h[-1]
        logits = fc(last).numpy()
    sd = model.state_dict()
    np.savez(os.path.join(OUT, name + ".npz"), **{k: v.numpy() for k, v in sd.items()})
    cases.append({"name": name, "framework": "torch", "layer": repr(rnn), "refuse": refuse,
                  "logits": logits.astype(np.float32).ravel().tolist()})

torch_case("torch_lstm", torch.nn.LSTM(T, U, batch_first=True), "lstm", False)
torch_case("torch_rnn", torch.nn.RNN(T, U, batch_first=True), "rnn", False)
torch_case("torch_lstm_stacked_bidirectional", torch.nn.LSTM(T, U, num_layers=2, batch_first=True, bidirectional=True), "lstm", True)
torch_case("torch_gru", torch.nn.GRU(T, U, batch_first=True), "gru", False, refuse=True)

with open(os.path.join(OUT, "cases.json"), "w") as f:
    json.dump({"about": "tf-keras %s, torch %s; batch %d, %d steps of %d, units %d, classes %d. Made by scripts/framework_fixtures.py."
                        % (tf.keras.__version__ if hasattr(tf.keras, "__version__") else tf.__version__, torch.__version__, B, T, T, U, K),
               "batch": B, "steps": T, "units": U, "classes": K,
               "inputs": x.ravel().tolist(), "cases": cases}, f)
    f.write("\n")
print("wrote", len(cases), "cases to", os.path.normpath(OUT))

# ---- Model files as Keras and PyTorch users save them (Tests/InteropTests/Fixtures/) ----
# Keras 3 (`import keras`) and tf-keras (`tf.keras` under TF_USE_LEGACY_KERAS=1) each save with
# model.save('m.keras'), model.save('m.h5') (legacy HDF5) and model.save_weights('m.weights.h5');
# PyTorch with torch.save(model.state_dict(), 'm.pt'). The logits are the framework's own on
# the same inputs (after the Dense's softmax when it has one: "softmax": true).
import keras as keras3
FILES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "InteropTests", "Fixtures")
os.makedirs(FILES, exist_ok=True)
file_cases = []

def file_case(file, api, layers, refuse=None, softmax=False, how="save"):
    K_ = keras3 if api == "keras3" else tf.keras
    model = K_.Sequential([K_.Input((T, T))] + layers + [K_.layers.Dense(K, activation="softmax" if softmax else None)])
    weights = [rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in model.get_weights()]
    model.set_weights(weights)
    out = np.asarray(model.predict(x, verbose=0))
    path = os.path.join(FILES, file)
    if how == "save_weights": model.save_weights(path)
    else: model.save(path)
    file_cases.append({"file": file, "framework": api, "layers": [type(l).__name__ for l in layers], "refuse": refuse,
                       "softmax": softmax, "outputs": out.astype(np.float32).ravel().tolist()})

K3 = keras3.layers
file_case("keras3_lstm_stacked.keras", "keras3", [K3.LSTM(U, return_sequences=True), K3.LSTM(U)])
file_case("keras3_gru_bidirectional.keras", "keras3", [K3.Bidirectional(K3.GRU(U, reset_after=False))])
file_case("keras3_simple_rnn_softmax.h5", "keras3", [K3.SimpleRNN(U)], softmax=True)
file_case("keras3_lstm_bidirectional_stacked.weights.h5", "keras3",
          [K3.Bidirectional(K3.LSTM(U, return_sequences=True)), K3.Bidirectional(K3.LSTM(U))], how="save_weights")
file_case("keras3_gru_reset_after.keras", "keras3", [K3.GRU(U)], refuse="reset_after")
TK = tf.keras.layers
file_case("tfkeras_lstm_bidirectional.h5", "tf-keras", [TK.Bidirectional(TK.LSTM(U))])
file_case("tfkeras_gru_stacked.keras", "tf-keras", [TK.GRU(U, reset_after=False, return_sequences=True), TK.GRU(U, reset_after=False)])
file_case("tfkeras_simple_rnn.weights.h5", "tf-keras", [TK.SimpleRNN(U)], how="save_weights")

def torch_file_case(file, module, key, bidirectional, refuse=None):
    fc = torch.nn.Linear(U * (2 if bidirectional else 1), K)
    model = torch.nn.ModuleDict({key: module, "fc": fc})
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.from_numpy(rng.uniform(-0.7, 0.7, tuple(p.shape)).astype(np.float32)))
        _, h = module(torch.from_numpy(x))
        if isinstance(h, tuple): h = h[0]
        last = torch.cat([h[-2], h[-1]], 1) if bidirectional else h[-1]
        out = fc(last).numpy()
    torch.save(model.state_dict(), os.path.join(FILES, file))
    file_cases.append({"file": file, "framework": "torch", "layers": [repr(module)], "refuse": refuse,
                       "softmax": False, "outputs": out.astype(np.float32).ravel().tolist()})

torch_file_case("torch_lstm.pt", torch.nn.LSTM(T, U, batch_first=True), "lstm", False)
torch_file_case("torch_rnn_stacked_bidirectional.pt", torch.nn.RNN(T, U, num_layers=2, batch_first=True, bidirectional=True), "rnn", True)
torch_file_case("torch_gru.pt", torch.nn.GRU(T, U, batch_first=True), "gru", False, refuse="nn.GRU")
# Not a state_dict: a whole pickled module (torch.save(model)), which would run code to load.
torch.save(torch.nn.Linear(2, 2), os.path.join(FILES, "torch_whole_module.pt"))
file_cases.append({"file": "torch_whole_module.pt", "framework": "torch", "layers": ["Linear"], "refuse": "pickle", "softmax": False, "outputs": []})

with open(os.path.join(FILES, "cases.json"), "w") as f:
    json.dump({"about": "keras %s, tf-keras %s, torch %s; batch %d, %d steps of %d, units %d, classes %d. Made by scripts/framework_fixtures.py."
                        % (keras3.__version__, tf.keras.__version__ if hasattr(tf.keras, "__version__") else tf.__version__, torch.__version__, B, T, T, U, K),
               "batch": B, "steps": T, "units": U, "classes": K,
               "inputs": x.ravel().tolist(), "cases": file_cases}, f)
    f.write("\n")
print("wrote", len(file_cases), "model files to", os.path.normpath(FILES))
