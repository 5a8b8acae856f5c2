import Data
import Foundation
import Printing
import RNN
import Tensor

/// Training and evaluating the tutorial's model: `train`, `eval`, `predict`.
enum TrainCommands {
    static let all: [Command] = [train, evaluate, predict, fitBatch, compare]

    static let train = Command(
        name: "train", category: "Training",
        summary: "Train the tutorial's model (a cell over image rows → dense → softmax) with Adam, or continue a model.",
        parameters: [Parameter("data", .value, default: .none, help: "a dataset (default: the workspace's `data`, else the default dataset) or a path; or a model to continue"),
                     Parameter("more", .value, default: .none, help: "when the first argument is a model: the dataset to continue on")],
        options: [Parameter("epochs", .int, default: .int(3), help: "passes over the training split").aliases(["hm_epochs", "num_epochs", "n_epochs"]),
                  Parameter("batch", .int, default: .int(128), help: "examples per Adam step").aliases(["batch_size"]),
                  Parameter("cell", .word, default: .string("lstm"), help: "lstm (BasicLSTMCell), gru (GRUCell) or rnn (BasicRNNCell)").choices(["lstm", "gru", "rnn"]).aliases(["cell_type", "rnn_cell"]),
                  Parameter("activation", .word, default: .string("tanh"), help: "cell=rnn's activation: tanh, relu or sigmoid (BasicRNNCell(activation=…), SimpleRNN(activation=…))").choices(["tanh", "relu", "sigmoid"]),
                  Parameter("units", .int, default: .int(128), help: "cell size (the tutorial's rnn_size)").aliases(["hidden", "rnn_size", "num_units", "hidden_size", "n_hidden"]),
                  Parameter("layers", .int, default: .int(1), help: "stacked cells (TF1's MultiRNNCell)").aliases(["num_layers", "n_layers"]),
                  Parameter("bidirectional", .bool, default: .bool(false), help: "a backward cell per layer too; last outputs concatenated (Keras's Bidirectional)"),
                  Parameter("keep_prob", .float, default: .float(1.0), help: "DropoutWrapper keep probability on every cell's inputs and outputs while training"),
                  Parameter("by", .word, default: .string("rows"), help: "read each image by rows (the tutorial) or by columns").choices(["rows", "columns"]),
                  Parameter("lr", .float, default: .float(0.001), help: "Adam's learning rate").aliases(["learning_rate"]),
                  Parameter("seed", .int, default: .int(0), help: "seeds the weights and the batch order"),
                  Parameter("examples", .optionalInt, default: .none, help: "train on the first N training examples only (and validate on at most N)").aliases(["limit", "n_examples", "num_examples"]),
                  Parameter("init", .word, default: .string("random_normal"), help: "output layer start: random_normal (the tutorial's) or glorot").choices(["random_normal", "glorot"]),
                  Parameter("threads", .int, default: .int(2), help: "cores to use (results are bit-identical for a given count)")],
        help: """
            The tutorial's training loop: each 28×28 image is read as 28 steps of 28 pixels by \
            a BasicLSTMCell, the last output goes through a dense layer, and Adam minimises the \
            mean softmax cross-entropy, `epochs × (examples // batch)` steps, batches from \
            `next_batch` (reshuffled each epoch). Prints the tutorial's \
            `Epoch 0 completed out of 3 loss: 301.12 (sum of 429 batches)`, then the mean loss \
            per example (the one figure shown everywhere else), the accuracy, the validation \
            accuracy and the epoch's time; on a terminal a live progress line \
            (step, bar, ETA, running loss and accuracy, examples/s) is replaced in place. \
            Returns the model: `m2 = train …` names it m2; a bare `train …` stores it as \
            `model` and says so. Ctrl-C stops after the current batch \
            and keeps the model trained so far; a NaN or infinite loss stops training and keeps \
            the last good weights. Same seed, data and threads: the same losses, bit for bit. \
            `cell=gru`/`cell=rnn` train TF1's GRUCell or BasicRNNCell instead (`cell=rnn \
            activation=relu` as Géron's multi-layer RNN), `layers=2` stacks \
            them, `bidirectional=True` adds a backward cell per layer, `keep_prob=0.8` drops \
            inputs and outputs while training (never in eval), `by=columns` reads each image \
            column by column. `train MODEL DATA epochs=N` continues a model (or a loaded \
            checkpoint) where it stopped: same Adam state, batch order, seed and threads, history \
            appended — 1 + 2 epochs give bit for bit the weights of 3.
            """,
        examples: [Example("data = mnist\nm = train data epochs=2 examples=4000 batch=32 units=32 lr=0.01", deterministic: false),
                   Example("data = mnist\ng = train data cell=gru layers=2 epochs=2 examples=4000 batch=32 units=32 lr=0.01\ng = train g data epochs=1", deterministic: false)],
        run: { call in try Trainer.run(call) })

    static let evaluate = Command(
        name: "eval", category: "Training",
        summary: "Accuracy of a model on a split (test by default); `confusion` adds the matrix.",
        parameters: [Parameter("model", .path, default: .none, help: "a model (default: the workspace's `model`)"),
                     Parameter("split", .path, default: .none, help: "a split (data.test), or test/validation/train; default test"),
                     Parameter("view", .word, default: .none, help: "`confusion`: also show the confusion matrix and per-class accuracy")],
        options: [Parameter("confusion", .bool, default: .bool(false), help: "same as the word `confusion`"),
                  Parameter("examples", .optionalInt, default: .none, help: "evaluate on the first N examples only").aliases(["limit", "n_examples"])],
        help: """
            The tutorial's `accuracy.eval({x: mnist.test.images…, y: mnist.test.labels})`: \
            runs the model forward on every image of the split and prints `Accuracy: 0.8812`. \
            The split defaults to the test split of the data the model was trained on (or of \
            the workspace's `data`). `eval model test confusion` also prints the confusion \
            matrix (rows: true class, columns: predicted) with each class's accuracy. The \
            result is a value with `.accuracy`, `.loss`, `.predictions` and `.confusion`.
            """,
        examples: [Example("data = mnist\nm = train data epochs=2 examples=4000 batch=32 units=32 lr=0.01\neval m test confusion examples=500", deterministic: false)],
        run: { call in try EvalRunner.run(call) })

    static let fitBatch = Command(
        name: "fit_batch", category: "Training",
        summary: "One Adam step of a model on one batch; returns the batch's loss (a hand-written training loop).",
        parameters: [Parameter("model", .value, help: "a model"),
                     Parameter("x", .array, help: "the batch's images, (batch, 784) or (batch, 28, 28)"),
                     Parameter("y", .array, help: "their labels: one-hot (batch, classes) or class ids (batch,)")],
        help: """
            What the tutorial's `_, c = sess.run([optimizer, cost], feed_dict={x: epoch_x, y: epoch_y})`             does, as a method: `c = model.fit_batch(epoch_x, epoch_y)` runs the forward pass,             backpropagation through time and one Adam update, and returns the mean softmax             cross-entropy of the batch before the update (a Python float). The model's weights change in place.
            """,
        examples: [Example("data = mnist\nm = train data epochs=0 examples=128 batch=64 units=8\nx, y = next_batch data.train 64\nm.fit_batch(x, y)", deterministic: false)],
        run: { call in
            let m = try ObjectArguments.model(call.arguments["model"], call: call, argument: "model")
            guard let x = call.arguments.array("x"), let y = call.arguments.array("y") else { return .none }
            return .float(Double(try m.model.trainStep(images: x, labels: y)))
        })

    static let predict = Command(
        name: "predict", category: "Training",
        summary: "Class probabilities of a model for one image (or class ids for a batch).",
        parameters: [Parameter("model", .value, help: "a model"),
                     Parameter("image", .array, help: "one image, (784,) or (28, 28) for MNIST, or a batch (n, 784)")],
        help: """
            For one image: the softmax probabilities of every class, drawn as a bar chart beside \
            the image (the value has `.probabilities` and `.label`). For a batch `(n, 784)`: \
            the predicted class of each image as an int64 array.
            """,
        examples: [Example("data = mnist\nm = train data epochs=2 examples=4000 batch=32 units=32 lr=0.01\npredict m data.test.images[0]", deterministic: false)],
        run: { call in
            let m = try ObjectArguments.model(call.arguments["model"], call: call, argument: "model")
            guard let image = call.arguments.array("image") else { return .none }
            let c = m.model.config
            let per = c.steps * c.input
            // One image: flat, or 2-d as the data holds it (rows × columns, either reading order).
            if image.size == per && (image.ndim == 1 || image.ndim == 2 && Set(image.shape) == Set([c.steps, c.input])) {
                let flat = try image.reshape([1, per])
                let p = try m.model.predict(flat)
                return .object(PredictionObject(image: image, probabilities: p.scalars.map(\.doubleValue), classNames: m.classNames,
                                                title: nil, style: call.interpreter.display.style))
            }
            let e = try m.model.logits(image)
            let k = c.classes
            let v = e.scalars.map(\.doubleValue)
            var ids: [Int64] = []
            for r in 0..<(v.count / max(k, 1)) {
                var best = 0
                for j in 1..<k where v[r * k + j] > v[r * k + best] { best = j }
                ids.append(Int64(best))
            }
            return .array(try NDArray(ids, shape: [ids.count]))
        })
}

/// `compare m1 m2 m3`: models side by side.
extension TrainCommands {
    static let compare = Command(
        name: "compare", category: "Training",
        summary: "Models side by side: cell, parameters, time per epoch, final loss, validation and test accuracy.",
        parameters: [Parameter("models", .value, default: .tuple([]), variadic: true, help: "two or more models")],
        help: """
            One table, a row per model: its cell (kind, units, layers, direction), trainable \
            parameters, mean seconds per training epoch, the last epoch's mean loss, the last \
            validation accuracy, and the accuracy on the test split of the data it was trained \
            on (evaluated now). `plot m1 m2 m3` overlays their loss curves.
            """,
        examples: [Example("data = mnist\na = train data epochs=2 examples=4000 batch=32 units=32 lr=0.01\nb = train data cell=gru epochs=2 examples=4000 batch=32 units=32 lr=0.01\ncompare a b", deterministic: false)],
        run: { call in
            let items = call.arguments["models"].sequenceItems ?? [call.arguments["models"]]
            var models: [ModelObject] = []
            for item in items {
                guard case .object(let o as ModelObject) = item else {
                    throw call.error("compare takes models, got \(item.typeName)", argument: "models")
                }
                models.append(o)
            }
            guard !models.isEmpty else { throw call.error("compare needs at least one model", argument: "models") }
            let names = modelNames(call, argument: "models", count: models.count)
            var rows: [[String]] = [["model", "cell", "parameters", "s/epoch", "final loss", "val acc", "test acc"]]
            for (name, m) in zip(names, models) {
                let c = m.model.config
                var cell = c.cellLabel
                if c.layers > 1 { cell += "×\(c.layers)" }
                if c.bidirectional { cell += " bi" }
                let h = m.history
                let seconds = h.seconds.isEmpty ? "-" : String(format: "%.1f", h.seconds.reduce(0, +) / Double(h.seconds.count))
                let loss = h.meanLoss.last.map { String(format: "%.4f", $0) } ?? "-"
                let val = h.valAccuracy.last.flatMap { $0.isNaN ? nil : String(format: "%.4f", $0) } ?? "-"
                var test = "-"
                if let d = m.dataset, d.dataset.test.count > 0 {
                    let e = try m.model.evaluate(images: d.dataset.test.pixels, labels: d.dataset.test.labels, scale: d.dataset.test.pixelScale)
                    test = String(format: "%.4f", e.accuracy)
                }
                rows.append([name, cell, ModelObject.grouped(m.parameterCount), seconds, loss, val, test])
            }
            call.print(table(rows))
            return .none
        })

    /// Columns padded to their widest cell; text left-aligned, numbers right-aligned.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { j in rows.map { $0[j].count }.max() ?? 0 }
        return rows.enumerated().map { (i, row) in
            row.enumerated().map { (j, cell) in
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                return j < 2 || i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }

    /// How the user wrote each of `count` variadic arguments (`m1 m2 m3`), or `model 1`, ….
    static func modelNames(_ call: Invocation, argument: String, count: Int) -> [String] {
        if let text = call.evaluator.argumentText(call.arguments, argument, command: call.command.name) {
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if parts.count == count, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) { return parts }
        }
        return (1...count).map { "model \($0)" }
    }
}

/// The training run behind `train`: resolves the data, builds the model, streams progress, and
/// turns the engine's report into the model value.
enum Trainer {
    static func run(_ call: Invocation) throws -> Value {
        let a = call.arguments
        var resume: ModelObject?
        var dataValue = a["data"]
        if case .object(let o as ModelObject) = a["data"] {
            resume = o
            dataValue = a["more"]
            if dataValue.isNone, let d = o.dataset { dataValue = .object(d) }
        } else if !a["more"].isNone {
            throw call.error("a second argument is the data to continue a model on; the first must then be a model, got \(a["data"].typeName)", argument: "more")
        }
        let epochs = a.int("epochs") ?? 3
        let threads = a.int("threads") ?? 2
        guard epochs >= 0 && epochs <= 100_000 else { throw call.error("epochs must be between 0 and 100000, got \(epochs)", argument: "epochs") }
        guard threads >= 1 && threads <= 64 else { throw call.error("threads must be between 1 and 64, got \(threads)", argument: "threads") }
        let data = try ObjectArguments.dataset(dataValue, call: call, argument: resume == nil ? "data" : "more")
        var trainSplit = data.dataset.train
        var valSplit = data.dataset.validation
        let model: Model
        var history = TrainingHistory()
        var batch: Int
        var epochOffset = 0
        if let r = resume {
            // Continue: the model's own configuration, a copy of its weights and Adam state, the
            // same number of training examples, and the batch order advanced past what it saw.
            batch = r.info.batch > 0 ? r.info.batch : (a.int("batch") ?? 128)
            var config = r.model.config
            // The chunks a batch is cut into follow the thread count (Parallelism.replicas), so
            // a continued run keeps the model's count unless told otherwise: a threads=1 model
            // resumed on the default 2 gave other losses than its uninterrupted run.
            if a.isGiven("threads") { config.threads = threads }
            model = try Model(config: config)
            try model.setWeights(r.model.weights())
            try model.setOptimizerState(r.model.optimizerState())
            history = r.history
            epochOffset = r.history.epochLoss.count
            if r.info.examples > 0 && r.info.examples < trainSplit.count {
                trainSplit = trainSplit.prefix(r.info.examples)
                valSplit = valSplit.prefix(r.info.examples)
            }
            let per = config.steps * config.input
            guard trainSplit.featureCount == per else {
                throw ShellError("the images have \(trainSplit.featureCount) values each; this model reads \(config.steps) steps of \(config.input) = \(per)")
            }
        } else {
            batch = a.int("batch") ?? 128
            let units = a.int("units") ?? 128
            let lr = a.double("lr") ?? 0.001
            let seed = a.int("seed") ?? 0
            let layers = a.int("layers") ?? 1
            let keep = a.double("keep_prob") ?? 1
            guard units > 0 && units <= 16_384 else { throw call.error("units must be between 1 and 16384, got \(units)", argument: "units") }
            guard lr.isFinite && lr > 0 else { throw call.error("lr must be a positive number, got \(ValueFormatter.pythonFloat(lr))", argument: "lr") }
            guard layers >= 1 && layers <= 64 else { throw call.error("layers must be between 1 and 64, got \(layers)", argument: "layers") }
            guard keep > 0 && keep <= 1 else { throw call.error("keep_prob must be in (0, 1], got \(ValueFormatter.pythonFloat(keep))", argument: "keep_prob") }
            let kind = try CellCommands.cellKind(a.string("cell") ?? CellKind.standard.rawValue, call: call, argument: "cell")
            let activation = try CellCommands.activation(a.string("activation"), kind: kind, call: call)
            let byWord = a.string("by") ?? "rows"
            guard let order = SequenceOrder(rawValue: byWord) else {
                throw call.error("by must be 'rows' or 'columns', got '\(byWord)'", argument: "by")
            }
            let initName = a.string("init") ?? "random_normal"
            guard let outputInit = OutputInit(rawValue: initName) else {
                throw call.error("init must be one of \(OutputInit.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), got '\(initName)'", argument: "init")
            }
            if let limit = a.int("examples") {
                guard limit > 0 else { throw call.error("examples must be positive, got \(limit)", argument: "examples") }
                trainSplit = trainSplit.prefix(limit)
                valSplit = valSplit.prefix(limit)
            }
            // The steps come from the images' shape: 28 steps of 28 for MNIST, 56 of 56 for a
            // 56×56 set, (rows steps of columns, or columns steps of rows with by='columns').
            let features = trainSplit.featureCount
            let shape = data.dataset.imageShape
            guard features > 0, shape.rows * shape.columns == features else {
                throw ShellError("the images have \(features) values each, not \(shape.rows)×\(shape.columns); the model reads images row by row")
            }
            let (steps, input) = order == .rows ? (shape.rows, shape.columns) : (shape.columns, shape.rows)
            var config = ModelConfig(steps: steps, input: input, units: units, classes: data.dataset.classCount,
                                     outputInit: outputInit, seed: UInt64(bitPattern: Int64(seed)),
                                     adam: AdamConfig(learningRate: Float(lr)), threads: threads, cell: kind, layers: layers,
                                     bidirectional: a.bool("bidirectional") ?? false, keepProb: Float(keep), order: order)
            config.forgetBias = 1
            config.activation = activation
            model = try Model(config: config)
        }
        guard batch > 0 else { throw call.error("batch must be positive, got \(batch)", argument: "batch") }
        guard trainSplit.count >= batch else {
            throw call.error("batch \(batch) is larger than the \(trainSplit.count) training examples", argument: "batch")
        }
        let config = model.config
        var source = SplitBatches(trainSplit, batch: batch, seed: config.seed)
        // A continued run takes up the batch order where the first run left it.
        for _ in 0..<model.stepCount { _ = try source.iterator.nextIndices(batch) }
        let steps = source.batchesPerEpoch
        let lastEpoch = epochOffset + epochs
        let what = resume == nil ? "Training" : "Continuing"
        let cellName = config.cellLabel + (config.layers > 1 ? " ×\(config.layers)" : "") + (config.bidirectional ? " bidirectional" : "")
        call.print("\(what) \(cellName) on \(data.dataset.name) train: \(trainSplit.count) images, \(epochs) epoch\(epochs == 1 ? "" : "s") × \(steps) batches of \(batch)"
                   + (epochOffset > 0 ? " (after \(epochOffset))" : ""))

        let display = call.interpreter.display
        var lastDraw = 0.0
        let clock = ContinuousClock()
        let started = clock.now
        var seenExamples = 0
        let report = try model.train(&source, epochs: epochs, shouldStop: { call.isInterrupted }, progress: { p in
            guard display.isTerminal else { return }
            // Redraw at most 10 times a second (and always on the epoch's last batch).
            if p.step < p.stepsPerEpoch && p.elapsed - lastDraw < 0.1 && p.step > 1 { return }
            lastDraw = p.step == p.stepsPerEpoch ? 0 : p.elapsed
            let prefix = "Epoch \(p.epoch + epochOffset)/\(lastEpoch) "
            // The width now: a window resized during training gets lines that fit it.
            var lineStyle = call.interpreter.display.style
            lineStyle.width -= prefix.count
            let line = ProgressLine.live(step: p.step, total: p.stepsPerEpoch, elapsed: p.elapsed,
                                         metrics: [("loss", p.runningLoss), ("acc", p.runningAccuracy)],
                                         examplesPerSecond: p.examplesPerSecond, style: lineStyle)
            call.emit(.progress(prefix + line))
        }, epochEnd: { e in
            seenExamples += e.examples
            var val = Double.nan
            if valSplit.count > 0, e.steps > 0, let r = try? model.evaluate(images: valSplit.pixels, labels: valSplit.labels, scale: valSplit.pixelScale) {
                val = r.accuracy
            }
            history.epochLoss.append(e.lossSum)
            history.meanLoss.append(e.meanLoss)
            history.accuracy.append(e.accuracy)
            history.valAccuracy.append(val)
            history.seconds.append(e.seconds)
            guard e.complete else { return }
            // The tutorial's summed loss keeps its words, labelled as the sum it is; every other
            // loss rnnsh shows (progress, summaries, compare, plot) is the mean per example.
            var line = "Epoch \(e.epoch + epochOffset) completed out of \(lastEpoch) loss: \(String(format: "%.2f", e.lossSum))"
            line += " (sum of \(e.steps) batch\(e.steps == 1 ? "" : "es")) - mean loss: \(String(format: "%.4f", e.meanLoss))"
            line += " - acc: \(String(format: "%.4f", e.accuracy))"
            if !val.isNaN { line += " - val_acc: \(String(format: "%.4f", val))" }
            line += " - \(String(format: "%.1f", e.seconds))s"
            call.print(line)
        })
        history.batchLoss += report.batchLosses
        history.batchAccuracy += report.batchAccuracies
        var info = TrainingInfo()
        info.dataName = data.dataset.name
        info.examples = trainSplit.count
        info.batch = batch
        info.epochs = lastEpoch
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Exactly what a stopped run completed: whole epochs, then the batches of the next.
        let completeEpochs = report.epochs.filter(\.complete).count
        let partialBatches = report.epochs.last.map { $0.complete ? 0 : $0.steps } ?? 0
        var done = "\(completeEpochs) epoch\(completeEpochs == 1 ? "" : "s")"
        if partialBatches > 0 {
            done = (completeEpochs > 0 ? done + " and " : "") + "\(partialBatches) of \(steps) batches"
        }
        // `m2 = train …` binds m2 only; a bare `train …` binds `model`, and says so.
        let bindsModel = !call.resultIsAssigned
        let keptAs = bindsModel ? " as `model`" : ""
        switch report.outcome {
        case .completed:
            info.outcome = "completed"
        case .interrupted:
            Interrupt.clear()
            info.outcome = "interrupted after \(done)"
            info.completed = done
            call.print("Interrupted (Ctrl-C) after \(done): keeping the model trained so far\(keptAs)")
        case .nonFiniteLoss(let epoch, let step, let loss):
            let lr = Double(config.adam.learningRate)
            info.outcome = "stopped: \(loss.isNaN ? "nan" : "infinite") loss"
            info.completed = done
            call.print("Stopped: the loss became \(loss.isNaN ? "nan" : "inf") at epoch \(epoch + epochOffset), batch \(step + 1); keeping the last good weights (\(done))\(keptAs)"
                       + (lr > 0.01 ? " (lr=\(ValueFormatter.pythonFloat(lr)) is large; try 0.001)" : ""))
        }
        if seenExamples > 0 && seconds > 0 {
            call.print(String(format: "Trained in %.1fs (%.0f examples/s)", seconds, Double(seenExamples) / seconds))
        }
        // A training run's own record: the per-epoch lists hold only finished epochs' rows.
        let object = ModelObject(model, history: history, info: info, classNames: data.train.classNames, dataset: data)
        if bindsModel {
            call.workspace["model"] = .object(object)
            if case .completed = report.outcome { call.print("The trained model is stored as `model`") }
        }
        return .object(object)
    }
}

/// `next_batch` over a split as the engine's batch source: `examples // batch` batches an
/// epoch, like the tutorial's loop.
struct SplitBatches: BatchSource {
    var iterator: BatchIterator
    let batch: Int

    init(_ split: DataSplit, batch: Int, seed: UInt64) {
        iterator = BatchIterator(split, seed: seed)
        self.batch = batch
    }

    var batchesPerEpoch: Int { iterator.split.count / batch }

    mutating func nextBatch() throws -> (images: NDArray, labels: NDArray) {
        try iterator.nextBatch(batch)
    }
}
