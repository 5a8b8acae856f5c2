import Printing
import RNN
import Tensor

/// Pictures in the terminal: `show` draws an image (and what the model thinks of it), `plot`
/// draws training curves. Half blocks and colour on a terminal, ASCII in pipes and transcripts.
enum ViewCommands {
    static let all: [Command] = [show, plot]

    static let show = Command(
        name: "show", category: "Views",
        summary: "Draw an image (show IMAGE, or show data.test 7) with the model's class probabilities.",
        parameters: [Parameter("image", .value, help: "an image (784,) or (28, 28), or a split such as data.test"),
                     Parameter("index", .optionalInt, default: .none, help: "with a split: which example")],
        options: [Parameter("model", .value, default: .none, help: "the model whose probabilities to show (default: the workspace's `model`, if any)")],
        help: """
            Draws the image in the terminal — Unicode half blocks with a grey ramp on a colour \
            terminal, plain ASCII in pipes and transcripts — and, when there is a model (the \
            workspace's `model`, or `model=`), its class probabilities as a bar chart beside it, \
            the most likely class marked. `show data.test 7` also names the true label. \
            Any other 1-d or 2-d array (a state, gate activations, weights) is drawn as a \
            heatmap, as `heatmap` draws it.
            """,
        examples: [Example("data = mnist\nshow data.test 0")],
        run: { call in
            let a = call.arguments
            var image: NDArray
            var title: String? = nil
            var classNames: [String] = []
            if case .object(let o) = a["image"], let s = o as? SplitObject {
                guard let i = a.int("index") else {
                    throw call.error("show needs an index with a split: show \(s.name == "test" ? "data.test" : "SPLIT") 7", argument: "image")
                }
                guard let img = s.split.image(at: i < 0 ? i + s.split.count : i), let label = s.split.classID(at: i < 0 ? i + s.split.count : i) else {
                    throw call.error("index \(i) is out of bounds for the \(s.split.count) examples of \(s.name)", argument: "index")
                }
                image = img
                classNames = s.classNames
                title = "\(s.datasetName) \(s.name)[\(i)]: label \(s.className(label))"
            } else {
                if a.isGiven("index") { throw call.error("an index only goes with a split (show data.test 7)", argument: "index") }
                image = try call.evaluator.toArray(a["image"], span: a.span("image"))
                // Anything that is not a picture (784 pixels, or bytes) — a state, a gate's
                // activations, a weight matrix — is looked at as a heatmap instead.
                if !isPicture(image) && image.ndim <= 2 {
                    call.print(try ExploreCommands.heatmapText(image, in: call.interpreter))
                    return .none
                }
            }
            var model: ModelObject? = nil
            if case .object(let o) = a["model"], let m = o as? ModelObject { model = m }
            else if !a["model"].isNone { throw call.error("model= expects a model, got \(a["model"].typeName)", argument: "model") }
            else if case .object(let o)? = call.workspace["model"], let m = o as? ModelObject { model = m }
            var probabilities: [Double]? = nil
            if let m = model {
                let c = m.model.config
                if image.size == c.steps * c.input {
                    probabilities = try m.model.predict(try image.reshape([1, c.steps * c.input])).scalars.map(\.doubleValue)
                    if classNames.isEmpty { classNames = m.classNames }
                }
            }
            let labels = classNames.count == probabilities?.count ? classNames.enumerated().map { "\($0.offset) \($0.element)" } : nil
            call.print(try PredictionView.render(image: image, probabilities: probabilities, labels: labels, title: title,
                                                 style: call.interpreter.display.style))
            return .none
        })

    /// A picture is what the datasets hold: 784 pixels ((784,) or (28, 28)) or raw bytes.
    static func isPicture(_ a: NDArray) -> Bool {
        a.dtype == .uint8 || (a.size == 784 && (a.ndim == 1 || a.shape == [28, 28]))
    }

    static let plot = Command(
        name: "plot", category: "Views",
        summary: "Chart training curves (plot model.history) or a sequence of numbers.",
        parameters: [Parameter("values", .value, help: "model.history, a model, or a 1-d array / list of numbers"),
                     Parameter("more", .value, default: .tuple([]), variadic: true, help: "more models: their loss curves overlaid on the first's")],
        options: [Parameter("title", .string, default: .none, help: "a title for a plain series")],
        help: """
            `plot model.history` draws the loss per batch and the accuracy (training per batch, \
            validation per epoch) against epochs as terminal line charts: braille dots in \
            colour on a terminal, ASCII elsewhere. `plot x` charts any 1-d array or list.
            """,
        examples: [Example("plot [3, 1, 4, 1, 5, 9, 2, 6]")],
        run: { call in
            let style = call.interpreter.display.style
            var value = call.arguments["values"]
            let more = call.arguments["more"].sequenceItems ?? []
            if !more.isEmpty {
                var series: [LineSeries] = []
                let names = TrainCommands.modelNames(call, argument: "more", count: more.count)
                for (k, item) in ([value] + more).enumerated() {
                    guard case .object(let o as ModelObject) = item else {
                        throw call.error("plot overlays models; got \(item.typeName)", argument: k == 0 ? "values" : "more")
                    }
                    let c = o.model.config
                    let name = (k == 0 ? call.evaluator.argumentText(call.arguments, "values", command: "plot") : names[k - 1]) ?? "model \(k + 1)"
                    series.append(LineSeries("\(name) \(c.cell.shortName)(\(c.units))", o.history.meanLoss,
                                             x: o.history.meanLoss.indices.map { Double($0 + 1) }))
                }
                call.print(LineChart.render(series: series, style: style, title: "Training loss (mean per epoch)", xLabel: "epoch", height: 10))
                return .none
            }
            if case .object(let o) = value, let m = o as? ModelObject { value = .record(m.history.record) }
            if case .record(let r) = value, r["batch_loss"] != nil {
                call.print(try historyCharts(r, style: style, call: call))
                return .none
            }
            let a = try call.evaluator.toArray(value, span: call.arguments.span("values"))
            guard a.ndim == 1 else { throw call.error("plot takes a 1-d sequence, got shape \(shapeString(a.shape))", argument: "values") }
            let title = call.arguments.string("title")
            // A long array is reduced before drawing (bounded time and memory; see LineSeries.sampled).
            call.print(LineChart.render(series: [LineSeries.sampled(a, name: title ?? "values")], style: style, title: title))
            return .none
        })

    static func historyCharts(_ r: Record, style: TerminalStyle, call: Invocation) throws -> String {
        func values(_ name: String) throws -> [Double] {
            guard let v = r[name] else { return [] }
            return try call.evaluator.toArray(v, span: nil).scalars.map(\.doubleValue)
        }
        let batchLoss = try values("batch_loss"), batchAcc = try values("batch_accuracy")
        let epochs = try values("loss").count, val = try values("val_accuracy")
        guard !batchLoss.isEmpty, epochs > 0 else { return "(no training history yet: train a model first)" }
        // Batch i ends at epoch (i+1)/perEpoch; validation is measured at the end of each epoch.
        let perEpoch = Double(batchLoss.count) / Double(epochs)
        let x = batchLoss.indices.map { Double($0 + 1) / perEpoch }
        let window = max(1, batchLoss.count / 60)
        let lossName = window > 1 ? "loss (mean of \(window) batches)" : "loss"
        let loss = LineChart.render(series: [LineSeries(lossName, movingMean(batchLoss, window), x: x)], style: style,
                                    title: "Training loss", xLabel: "epoch", height: 10, xFrom: 0)
        var accSeries = [LineSeries(window > 1 ? "accuracy (mean of \(window) batches)" : "accuracy", movingMean(batchAcc, window), x: x)]
        if val.contains(where: { !$0.isNaN }) {
            accSeries.append(LineSeries("val_accuracy", val, x: val.indices.map { Double($0 + 1) }))
        }
        let acc = LineChart.render(series: accSeries, style: style, title: "Accuracy", xLabel: "epoch", height: 10, yRange: 0...1, xFrom: 0)
        return loss + "\n\n" + acc
    }

    /// Each value replaced by the mean of the `window` values ending at it (fewer at the start).
    static func movingMean(_ v: [Double], _ window: Int) -> [Double] {
        guard window > 1 else { return v }
        var out: [Double] = []
        out.reserveCapacity(v.count)
        var sum = 0.0
        for i in v.indices {
            sum += v[i]
            if i >= window { sum -= v[i - window] }
            out.append(sum / Double(min(i + 1, window)))
        }
        return out
    }
}
