"""PyTorch on the tutorial's work: nn.LSTM / nn.GRU / nn.RNN(28, 128, batch_first) over the 28
rows of each image, nn.Linear(128, 10) on the last output, softmax cross-entropy, Adam(0.001),
batch 128, shuffled batches, one epoch; then the 10,000 test images. nn.GRU is PyTorch's GRU
(reset gate after the recurrent product), the same cost per step as TF1's GRUCell.
--examples N trains on the first N training images; --threads sets torch's intra-op threads."""
import os, sys, time, json, argparse
t_import0 = time.perf_counter()
import numpy as np
import torch
t_import1 = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=1)
p.add_argument("--batch", type=int, default=128)
p.add_argument("--seed", type=int, default=0)
p.add_argument("--data-dir", default=None)
p.add_argument("--threads", type=int, default=0)
p.add_argument("--cell", default="lstm", choices=["lstm", "gru", "rnn"])
p.add_argument("--examples", type=int, default=0)
p.add_argument("--tag", default="")
a = p.parse_args()
if a.threads: torch.set_num_threads(a.threads); torch.set_num_interop_threads(1)
torch.manual_seed(a.seed)
rng = np.random.RandomState(a.seed)
xtr, ytr, xte, yte = data.load(a.data_dir)
if a.examples: xtr, ytr = xtr[:a.examples], ytr[:a.examples]
rnn = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[a.cell](28, 128, batch_first=True)
fc = torch.nn.Linear(128, 10)
params = list(rnn.parameters()) + list(fc.parameters())
opt = torch.optim.Adam(params, lr=0.001)
loss_fn = torch.nn.CrossEntropyLoss()

def logits(x):
    out, _ = rnn(x)
    return fc(out[:, -1])

res = {"framework": "torch", "torch": torch.__version__, "tag": a.tag, "cell": a.cell, "threads": torch.get_num_threads(),
       "import_s": t_import1 - t_import0, "params": sum(p.numel() for p in params), "epochs": []}
n_steps = len(xtr) // a.batch
xt, yt = torch.from_numpy(xtr), torch.from_numpy(ytr)
for epoch in range(a.epochs):
    perm = torch.from_numpy(rng.permutation(len(xtr)))
    epoch_loss = 0.0
    t0 = time.perf_counter(); c0 = time.process_time(); t_first = None
    for i in range(n_steps):
        idx = perm[i * a.batch:(i + 1) * a.batch]
        opt.zero_grad()
        loss = loss_fn(logits(xt[idx]), yt[idx])
        loss.backward()
        opt.step()
        epoch_loss += float(loss)
        if t_first is None: t_first = time.perf_counter() - t0
    dt = time.perf_counter() - t0
    ex = n_steps * a.batch
    print('Epoch', epoch, 'completed out of', a.epochs, 'loss:', epoch_loss, f'| {dt:.2f} s, {ex/dt:.0f} ex/s', flush=True)
    res["epochs"].append({"sec": dt, "ex": ex, "ex_per_s": ex / dt, "loss_sum": epoch_loss, "first_step_s": t_first,
                          "cpu_s": time.process_time() - c0, "loadavg1": os.getloadavg()[0]})
evals = []
with torch.no_grad():
    for k in range(2):
        t0 = time.perf_counter()
        acc = float((logits(torch.from_numpy(xte)).argmax(1) == torch.from_numpy(yte)).float().mean())
        evals.append(time.perf_counter() - t0)
print('Accuracy:', acc, f'| eval 10k: first {evals[0]:.3f} s, warm {evals[1]:.3f} s')
res.update({"test_acc": acc, "eval_s_first": evals[0], "eval_s_warm": evals[1]})
print("RESULT " + json.dumps(res), flush=True)
