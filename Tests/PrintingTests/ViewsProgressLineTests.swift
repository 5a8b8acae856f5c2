import Testing
@testable import Printing

@Suite struct ViewsProgressLineTests {
    let metrics: [(name: String, value: Double)] = [("loss", 0.41234), ("acc", 0.861)]
    let wide = TerminalStyle(colour: false, unicode: false, width: 120)

    @Test func kerasLiveLineWithAFullBar() {
        // Half way: 15 of 30 columns, the last of them the `>` head. ETA = 3.1 s / 234 · 234.
        let text = ProgressLine.live(step: 234, total: 468, elapsed: 3.1, metrics: metrics, examplesPerSecond: 11234.4, style: wide)
        #expect(text == "234/468 [==============>...............] - ETA: 3s - loss: 0.4123 - acc: 0.8610 - 11234 ex/s")
    }

    @Test func liveLineShrinksItsBarThenDropsPartsToStayOffTheLastColumn() {
        let at80 = ProgressLine.live(step: 234, total: 468, elapsed: 3.1, metrics: metrics, examplesPerSecond: 11234.4, style: .plain)
        #expect(at80 == "234/468 [=======>.........] - ETA: 3s - loss: 0.4123 - acc: 0.8610 - 11234 ex/s")
        #expect(at80.count == 79)
        let at50 = ProgressLine.live(step: 234, total: 468, elapsed: 3.1, metrics: metrics, examplesPerSecond: 11234.4,
                                     style: TerminalStyle(colour: false, unicode: false, width: 50))
        #expect(at50 == "234/468 [======>.......] - ETA: 3s - loss: 0.4123")
        for width in 20...130 {
            for style in [TerminalStyle(colour: false, unicode: false, width: width), TerminalStyle(colour: true, unicode: true, width: width)] {
                let line = ProgressLine.live(step: 17, total: 468, elapsed: 0.2, metrics: metrics, examplesPerSecond: 9000, style: style)
                #expect(ViewText.visibleWidth(line) < width, "width \(width): \(line)")
            }
        }
    }

    /// After a resize, the old line may span several rows of the rewrapped screen: each is
    /// erased (bottom up, with ESC[K: tmux keeps a screen cleared from the top in its history).
    @Test func redrawAfterAResizeErasesEveryRowTheOldLineSpans() {
        #expect(ProgressLine.erase(previousWidth: 79, columns: 120) == "\r" + esc + "K")
        #expect(ProgressLine.erase(previousWidth: 80, columns: 80) == "\r" + esc + "K")
        #expect(ProgressLine.erase(previousWidth: 81, columns: 80) == "\r" + esc + "K" + esc + "1A" + esc + "K")
        #expect(ProgressLine.erase(previousWidth: 119, columns: 60) == "\r" + esc + "K" + esc + "1A" + esc + "K")
        #expect(ProgressLine.erase(previousWidth: 119, columns: 40) == "\r" + esc + "K" + String(repeating: esc + "1A" + esc + "K", count: 2))
        #expect(ProgressLine.erase(previousWidth: 0, columns: 40) == "\r" + esc + "K")
    }

    @Test func startAndEndOfAnEpoch() {
        let start = ProgressLine.live(step: 0, total: 468, elapsed: 0, metrics: [], style: wide)
        #expect(start == "  0/468 [..............................]")
        let end = ProgressLine.live(step: 468, total: 468, elapsed: 5, metrics: [], style: wide)
        #expect(end == "468/468 [==============================]")
    }

    @Test func summaryKeepsEveryMetric() {
        let text = ProgressLine.summary(total: 468, elapsed: 5.2, metrics: metrics + [("val_acc", 0.9)], examplesPerSecond: 11234.4, style: wide)
        #expect(text == "468/468 [==============================] - 5s 11ms/step - loss: 0.4123 - acc: 0.8610 - val_acc: 0.9000 - 11234 ex/s")
        // In 80 columns the bar shrinks to 10 but nothing is dropped: the line is written once.
        let narrow = ProgressLine.summary(total: 468, elapsed: 5.2, metrics: metrics + [("val_acc", 0.9)], examplesPerSecond: 11234.4, style: .plain)
        #expect(narrow == "468/468 [==========] - 5s 11ms/step - loss: 0.4123 - acc: 0.8610 - val_acc: 0.9000 - 11234 ex/s")
    }

    @Test func unicodeAndColourBars() {
        let unicode = ProgressLine.live(step: 234, total: 468, elapsed: 3.1, metrics: metrics, examplesPerSecond: 11234.4,
                                        style: TerminalStyle(colour: false, unicode: true, width: 120))
        #expect(unicode == "234/468 " + String(repeating: "━", count: 15) + String(repeating: "─", count: 15)
                + " ETA: 3s loss: 0.4123 acc: 0.8610 11234 ex/s")
        let colour = ProgressLine.live(step: 234, total: 468, elapsed: 3.1, metrics: [("loss", 0.41234)],
                                       style: TerminalStyle(colour: true, unicode: true, width: 120))
        #expect(colour == "234/468 " + esc + "32m" + String(repeating: "━", count: 15) + esc + "0m"
                + esc + "2m" + String(repeating: "━", count: 15) + esc + "0m ETA: 3s loss: 0.4123")
    }

    @Test func kerasNumberAndTimeFormats() {
        #expect(ProgressLine.metricText(0.0005) == "5.0000e-04")
        #expect(ProgressLine.metricText(-0.5) == "-0.5000")
        #expect(ProgressLine.metricText(.nan) == "nan")
        #expect(ProgressLine.duration(7.4) == "7s")
        #expect(ProgressLine.duration(59.6) == "1:00")
        #expect(ProgressLine.duration(3725) == "1:02:05")
        #expect(ProgressLine.duration(.infinity) == "99999:59:59")
        #expect(ProgressLine.perStep(2) == "2s/step")
        #expect(ProgressLine.perStep(0.011) == "11ms/step")
        #expect(ProgressLine.perStep(0.00085) == "850us/step")
        #expect(ProgressLine.epochHeader(epoch: 1, of: 3) == "Epoch 1/3")
    }
}
