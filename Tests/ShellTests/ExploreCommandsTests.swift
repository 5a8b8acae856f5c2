import Synchronization
import Testing
@testable import Shell

/// The explorer's commands through the interpreter: trace stages, the teaching second line of
/// errors, track/heatmap in colour and plain (what a TTY and a pipe get).
@Suite struct ExploreCommandsTests {
    /// Everything printed, errors rendered as the terminal shows them (with the second line).
    func transcript(_ source: String, in shell: Interpreter = Interpreter()) -> String {
        shell.execute(source).map { output -> String in
            switch output {
            case .text(let t): return t
            case .error(let e): return e.rendered()
            case .progress(let p): return "progress: " + p
            case .warning(let w): return "warning: " + w
            }
        }.joined(separator: "\n")
    }

    func headers(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("#") }
    }

    @Test func traceTheTutorialPipeline() {
        let out = transcript("trace arange 24 | reshape 2 4 3 | transpose 1 0 2 | reshape -1 3 | split 4")
        #expect(headers(out) == [
            "#1 arange 24 → (24,) int64, strides (8,), new array",
            "#2 reshape 2 4 3 → (2, 4, 3) int64, strides (96, 24, 8), view of #1",
            "#3 transpose 1 0 2 → (4, 2, 3) int64, strides (24, 96, 8), view of #2",
            "#4 reshape -1 3 → (8, 3) int64, strides (24, 8), copy of #3 (#3 is not C-contiguous)",
            "#5 split 4 → list of 4 × (2, 3) int64, strides (24, 8), views of #4",
        ])
        // The value of the last stage is printed once (by the stage, not again by the echo).
        #expect(out.components(separatedBy: "[array([[ 0,  1,  2],").count == 2)
    }

    @Test func traceAMethodChainAndTraceOnOff() {
        let shell = Interpreter()
        _ = shell.execute("x = np.arange(6)")
        let chain = transcript("trace x.reshape(2, 3).T", in: shell)
        #expect(headers(chain) == ["#1 reshape x 2, 3 → (2, 3) int64, strides (24, 8), view of x",
                                   "#2 .T → (3, 2) int64, strides (8, 24), view of #1"])
        #expect(transcript("trace on", in: shell) == "trace is on: every statement prints its stages")
        #expect(transcript("y = reshape x 3 2", in: shell) == "#1 reshape x 3 2 → (3, 2) int64, strides (16, 8), view of x\n[[0 1]\n [2 3]\n [4 5]]")
        #expect(transcript("trace off; y", in: shell) == "trace is off\n[[0 1]\n [2 3]\n [4 5]]")
        #expect(transcript("trace", in: shell) == "trace is off")
    }

    @Test func indexingAndKeywordsAreStagesAsWritten() {
        let shell = Interpreter()
        _ = shell.execute("x = arange 24 | reshape 2 4 3")
        #expect(headers(transcript("trace (split x 2 axis=1)[1]", in: shell)) == [
            "#1 split x 2 axis=1 → list of 2 × (2, 2, 3) int64, strides (96, 24, 8), views of x",
            "#2 #1[1] → (2, 2, 3) int64, strides (96, 24, 8), view of #1",
        ])
        #expect(headers(transcript("trace x.transpose(1, 0, 2)[0]", in: shell)) == [
            "#1 transpose x 1, 0, 2 → (4, 2, 3) int64, strides (24, 96, 8), view of x",
            "#2 #1[0] → (2, 3) int64, strides (96, 8), view of #1",
        ])
    }

    @Test func operatorsAreStagesAsWritten() {
        let shell = Interpreter()
        _ = shell.execute("a = np.ones((2, 3))")
        let out = transcript("trace (a.T @ a).sum()", in: shell)
        #expect(out == """
            #1 .T → (3, 2) float64, strides (8, 24), view of a
            [[1. 1.]
             [1. 1.]
             [1. 1.]]
            #2 #1 @ a → (3, 3) float64, strides (24, 8), new array
            [[2. 2. 2.]
             [2. 2. 2.]
             [2. 2. 2.]]
            #3 sum → float64 scalar
            18.0
            """)
        #expect(headers(transcript("trace np.tanh(a * 2) + 1", in: shell)) == [
            "#1 a * 2 → (2, 3) float64, strides (24, 8), new array",
            "#2 tanh → (2, 3) float64, strides (24, 8), new array",
            "#3 #2 + 1 → (2, 3) float64, strides (24, 8), new array",
        ])
    }

    @Test func matmulAndBroadcastErrorsNameTheOperands() {
        let shell = Interpreter()
        _ = shell.execute("h = np.ones((128, 128)); W = np.zeros((156, 512)); outs = [h]; y = np.ones(4)")
        #expect(transcript("outs[-1] @ W", in: shell).hasSuffix(
            "\nmatmul: outs[-1] (128, 128) @ W (156, 512): inner sizes 128 and 156 differ (the last axis of outs[-1] must equal axis -2 of W)"))
        #expect(transcript("h.dot(W)", in: shell).hasSuffix("\nmatmul: h (128, 128) @ W (156, 512): inner sizes 128 and 156 differ (the last axis of h must equal axis -2 of W)"))
        #expect(transcript("h + y", in: shell) == """
            ValueError: operands could not be broadcast together with shapes (128,128) (4,) \nh (128, 128) + y (4,): shapes are compared from the last axis; axis -1 has sizes 128 and 4, and neither is 1
            """)
    }

    @Test func errorsThatTeachNameTheOperands() {
        let shell = Interpreter()
        _ = shell.execute("x = arange 24 | reshape 2 4 3; r = np.arange(24).reshape(8, 3)")
        #expect(transcript("x.reshape(5, 5)", in: shell) == """
            ValueError: cannot reshape array of size 24 into shape (5,5)
            reshape: x has 24 elements (2·4·3); (5, 5) needs 25
            """)
        #expect(transcript("np.split(r, 3)", in: shell) == """
            ValueError: array split does not result in an equal division
            split: axis 0 of r has length 8 = 3·2 + 2, not a multiple of 3 (array_split allows unequal pieces)
            """)
        #expect(transcript("r[8]", in: shell) == """
            IndexError: index 8 is out of bounds for axis 0 with size 8
              r[8]
              ^^^^
            index: axis 0 of r has length 8, so valid indices are 0 to 7 (or -8 to -1)
            """)
    }

    @Test func explainAndInfoNameTheVariables() {
        let shell = Interpreter()
        _ = shell.execute("x = arange 24 | reshape 2 4 3; dims x image row pixel")
        let text = transcript("explain transpose x 1 0 2", in: shell)
        #expect(text.contains("  y[i, j, k] = x[j, i, k]: y[0] holds row 0 of every image"))
        #expect(transcript("explain reshape (x.T) 4 6", in: shell).contains("copy: x.T is not C-contiguous"))
        // The temporary is not called `x`: that is a variable of this workspace.
        #expect(transcript("explain split (arange 6) 3", in: shell).hasPrefix("t = arange 6\nsplit t (6,) along axis 0"))
        #expect(transcript("explain flip x", in: shell).hasPrefix("error: explain knows reshape, transpose and split, not 'flip'"))
        _ = shell.execute("t = x.transpose(1, 0, 2)")
        #expect(transcript("info t", in: shell).contains("  view          yes: shares memory with x"))
    }

    /// What a new learner tripped over in the explorer (issue 13 §7).
    @Test func explainNamesTemporariesApartAndTakesXDotT() {
        let shell = Interpreter()
        _ = shell.execute("x = arange 24 | reshape 2 4 3")
        let reshaped = transcript("explain reshape (x.transpose(1, 0, 2)) 4 6", in: shell).split(separator: "\n")
        #expect(reshaped.first == "t = x.transpose(1, 0, 2)")
        #expect(reshaped.contains("  y[i, j] = t[i, j // 3, j % 3]"))
        _ = shell.execute("m = arange 6 | reshape 2 3")
        #expect(transcript("explain m.T", in: shell).hasPrefix("transpose m (2, 3) → y (3, 2): the axes are reordered to (1, 0)\n  y[i, j] = m[j, i]"))
        #expect(transcript("explain nope", in: shell).hasPrefix("error: explain needs an op and its array"))
    }

    /// `explain` in front of a pipeline explains every stage in order, each naming its input by the
    /// previous stage's result; the workspace does not change (issue 13 §7).
    @Test func explainWalksAPipelineStageByStage() {
        let shell = Interpreter()
        _ = shell.execute("x = arange 24 | reshape 2 4 3")
        let out = transcript("explain transpose x 1 0 2 | reshape -1 3 | split 4", in: shell)
        let firstLines = out.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(firstLines == [
            "transpose x (2, 4, 3) → y (4, 2, 3): the axes are reordered to (1, 0, 2)",
            "reshape y (4, 2, 3) → z (8, 3): the 24 elements keep their C order (last axis fastest) and are regrouped",
            "split z (8, 3) along axis 0 → xs: a list of 4 pieces of (2, 3)",
        ])
        #expect(out.contains("\n  only strides change: (96, 24, 8) → (24, 96, 8) bytes; no data moves, y is a view of x\n"))
        #expect(out.contains("\n  copy: y is not C-contiguous: its axes 0 and 1 (lengths 4 and 2, strides 24 and 96 bytes) cannot act as one axis"))
        #expect(out.contains("\n  each piece is a slice: a view of z with its strides (24, 8) bytes; no data moves"))
        #expect(shell.workspace.userNames == ["x"])
        // x.T heads a pipeline; call form stages work; an op explain does not know is named.
        #expect(transcript("explain x.T | reshape(-1)", in: shell).split(separator: "\n").filter { !$0.hasPrefix(" ") } == [
            "transpose x (2, 4, 3) → y (3, 4, 2): the axes are reordered to (2, 1, 0)",
            "reshape y (3, 4, 2) → z (24,): the 24 elements keep their C order (last axis fastest) and are regrouped",
        ])
        #expect(transcript("explain reshape x -1 3 | sum", in: shell).hasSuffix(
            "\nerror: explain knows reshape, transpose and split, not 'sum'\n  explain reshape x -1 3 | sum\n                           ^^^"))
        #expect(transcript("explain split x 2 | reshape -1", in: shell).hasSuffix(
            "\nerror: explain: stage 2 (reshape) gets a list, not an array; split must be the last stage\n  explain split x 2 | reshape -1\n                      ^^^^^^^^^^"))
    }

    /// numpy's own first line (it takes len() of the first argument), whatever x's shape or
    /// dtype, then the line that teaches the order.
    @Test func splitWithItsArgumentsSwappedTeaches() {
        let shell = Interpreter()
        _ = shell.execute("x = arange 8; y = arange 24 | reshape 2 4 3; z = arange 6.0; n = 4")
        let teach = "split: the array to cut comes first and the number of pieces second; "
        #expect(transcript("split 4 x", in: shell) == "TypeError: object of type 'int' has no len()\n" + teach + "4 is a number and x is the array: split x 4")
        #expect(transcript("split 4 y", in: shell) == "TypeError: object of type 'int' has no len()\n" + teach + "4 is a number and y is the array: split y 4")
        #expect(transcript("np.split(4, y)", in: shell) == "TypeError: object of type 'int' has no len()\n" + teach + "4 is a number and y is the array: split y 4")
        #expect(transcript("split n z", in: shell) == "TypeError: object of type 'int' has no len()\n" + teach + "n is a number and z is the array: split z n")
        #expect(transcript("np.array_split(2.5, z)", in: shell) == "TypeError: object of type 'float' has no len()\n" + teach + "2.5 is a number and z is the array: split z 2.5")
        // numpy: np.split(4, 8) takes 8 as the sections and asks 4 for its shape.
        #expect(transcript("np.split(4, 8)", in: shell) == "AttributeError: 'int' object has no attribute 'shape'")
        #expect(transcript("np.array_split(4, 8)", in: shell).hasPrefix("TypeError: object of type 'int' has no len()\n"))
        // A 0-d array has a shape: numpy's IndexError.
        #expect(transcript("np.split(np.array(4), [1, 2])", in: shell).hasPrefix("IndexError: tuple index out of range"))
    }

    /// `gates` builds a fresh cell as `step` does, and its result holds the gate arrays.
    @Test func gatesReturnsItsArraysAndBuildsAFreshCell() {
        let shell = Interpreter()
        let out = transcript("lstm = cell 4; g = gates lstm (ones((2, 3))); g.f.shape; g.f_pre.dtype; g.c.shape; lstm.input_size", in: shell)
        #expect(out == "(2, 4)\nfloat32\n(2, 4)\n3")
        #expect(transcript("g", in: shell).contains("f "))
        #expect(transcript("heatmap g.f", in: shell).hasPrefix("(2, 4) float32"))
        #expect(transcript("g.nope", in: shell).hasPrefix("AttributeError: "))
        let gru = transcript("r = cell 4 kind='gru'; g2 = gates r (ones((1, 2))); g2.u.shape", in: shell)
        #expect(gru == "(1, 4)")
    }

    @Test func trackLabelsPlainAndColoured() {
        let plain = Interpreter()
        _ = plain.execute("x = arange 24 | reshape 2 4 3; dims x image row pixel")
        let out = transcript("track xs = x | transpose 1 0 2 | reshape -1 3 | split 4", in: plain)
        #expect(out.contains("xs[p][i, j] = x[i, p, j]\nxs[0] holds row 0 of every image"))
        #expect(!out.contains("\u{1B}["))
        // The assignment happened as usual.
        #expect(transcript("xs[1]", in: plain) == "[[ 3  4  5]\n [15 16 17]]")

        let tty = Interpreter(options: .init(color: true))
        _ = tty.execute("x = arange 24 | reshape 2 4 3; dims x image row pixel")
        let coloured = transcript("track x | transpose 1 0 2 | reshape -1 3 | split 4", in: tty)
        #expect(coloured.contains("values, coloured by image:\nys[0] [[ \u{1B}[31m0\u{1B}[0m"))
        #expect(transcript("track x * 2", in: tty).hasPrefix("error: unsupported operand") || transcript("track x * 2", in: tty).hasPrefix("error: track follows shape operations only"))
    }

    @Test func heatmapIsPlainInPipesAndColouredOnATerminal() {
        let plain = transcript("heatmap (arange 12 | reshape 3 4)")
        #expect(plain.hasPrefix("(3, 4) int64  min 0  max 11\n+--------+"))
        let coloured = transcript("heatmap (arange 12 | reshape 3 4)", in: Interpreter(options: .init(color: true)))
        #expect(coloured.contains("\u{1B}["))
    }

    /// A window resized between statements (or during one): views are drawn for the width the
    /// terminal has now, not the one it had when rnnsh started.
    @Test func viewsFollowTheTerminalsWidthAfterAResize() {
        let width = Mutex(60)
        var options = Interpreter.Options(display: Display(isTerminal: true, unicode: false, color: false, width: 80))
        options.terminalWidth = { width.withLock { $0 } }
        let shell = Interpreter(options: options)
        _ = shell.execute("w = np.sin(np.arange(4096.0)).reshape(8, 512)")
        #expect(shell.display.width == 60)
        #expect(transcript("heatmap w", in: shell).split(separator: "\n")[1...2] == ["shown as 8×29, one cell per 1×18 block:", "  its largest |value| (sign kept)"])
        width.withLock { $0 = 120 }
        #expect(shell.display.width == 120)
        #expect(transcript("heatmap w", in: shell).split(separator: "\n")[1] == "shown as 8×57, one cell per 1×9 block: its largest |value| (sign kept)")
        // Pipes and transcripts keep their fixed 80 columns.
        var piped = Interpreter.Options()
        piped.terminalWidth = { 60 }
        #expect(Interpreter(options: piped).display.width == 80)
    }

    /// issue 6: `show x` of a 2-d array that is not a picture (a state, weights) is its heatmap;
    /// a 784-pixel image still draws as a digit.
    @Test func showOfANonImageArrayIsItsHeatmap() {
        let x = "(np.arange(12.0).reshape(3, 4) - 5)"
        let shown = transcript("show \(x)")
        #expect(shown == transcript("heatmap \(x)"))
        #expect(shown.hasPrefix("(3, 4) float64  min -5  max 6\n"))
        #expect(!transcript("show (np.arange(784) / 784)").hasPrefix("(784,)"))
    }
}
