import Foundation

/// `tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits, labels))`, forward and
/// backward together: per row `loss = Σ_k y_k·(logsumexp(z) − z_k)`, computed after subtracting
/// the row's maximum so that no exponential overflows; the gradient of the batch mean is
/// `(softmax(z) − y) / B`. Labels may be one-hot or any distribution, as in TF.
enum SoftmaxCrossEntropy {
    struct Result { var loss: Float; var correct: Int }

    /// Returns the summed loss of these rows and the number of rows whose argmax logit equals the argmax label
    /// (TF's `tf.equal(tf.argmax(prediction, 1), tf.argmax(y, 1))`, first index on ties), and
    /// writes the gradient of the mean over `total` rows (this call may see only a slice of the
    /// batch) into `dlogits` when given. K is small (10): scalar code is fine here.
    static func forwardBackward(logits z: UnsafePointer<Float>, labels y: UnsafePointer<Float>,
                                dlogits: UnsafeMutablePointer<Float>?, batch: Int, meanOver total: Int,
                                classes K: Int) -> Result {
        var lossSum: Float = 0
        var correct = 0
        let scale = 1 / Float(max(total, 1))
        for r in 0..<batch {
            let zr = z + r * K, yr = y + r * K
            var m = zr[0], am = 0, ym = yr[0], ay = 0
            for k in 1..<K {
                if zr[k] > m { m = zr[k]; am = k }
                if yr[k] > ym { ym = yr[k]; ay = k }
            }
            if am == ay { correct += 1 }
            var sum: Float = 0
            for k in 0..<K { sum += Foundation.exp(zr[k] - m) }
            let lse = Foundation.log(sum)
            var rowLoss: Float = 0
            for k in 0..<K { rowLoss += yr[k] * (lse - (zr[k] - m)) }
            lossSum += rowLoss
            if let d = dlogits {
                let dr = d + r * K
                var ysum: Float = 0
                for k in 0..<K { ysum += yr[k] }
                // d/dz_k of Σ_j y_j (lse − z_j) = softmax_k · Σ_j y_j − y_k
                for k in 0..<K { dr[k] = (Foundation.exp(zr[k] - m) / sum * ysum - yr[k]) * scale }
            }
        }
        return Result(loss: lossSum, correct: correct)
    }
}
