/// Elementary functions built only from IEEE 754 `+ - * /` and `squareRoot()`, which every
/// platform rounds identically. The C library's `exp`/`log`/`cos` may differ in the last
/// bit between systems, and one such bit can flip a rounded quantity in the output, so
/// the generator uses these instead. Accuracy is close to 1e-15 relative, far more than
/// synthetic data needs; what matters is that the results are the same everywhere.
enum DetMath {
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let ln2 = 0.693147180559945309417232121458
    static let pi = 3.14159265358979323846264338328
    static let twoPi = 6.28318530717958647692528676656

    /// Natural logarithm for positive finite `x`.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "DetMath.log of \(x)")
        var m = x.significand          // [1, 2), exact
        var e = Double(Int(x.exponent))
        if m > 1.4142135623730951 { m *= 0.5; e += 1 }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        // 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), |s| <= 0.1716
        var term = 1.0 / 27.0
        var k = 25.0
        while k >= 1 {
            term = 1.0 / k + s2 * term
            k -= 2
        }
        let series = 2 * s * term
        return e * ln2Hi + (e * ln2Lo + series)
    }

    /// e^x; underflows to 0 below -745 and overflows to infinity above 709.
    static func exp(_ x: Double) -> Double {
        if x < -745 { return 0 }
        if x > 709 { return .infinity }
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        // Taylor series of e^r for |r| <= 0.35, Horner form to r^16.
        var sum = 1.0
        var n = 16.0
        while n >= 1 {
            sum = 1 + r * sum / n
            n -= 1
        }
        return scale(sum, Int(k))
    }

    /// x * 2^k by exact powers of two.
    static func scale(_ x: Double, _ k: Int) -> Double {
        var result = x
        var k = k
        while k > 1000 { result *= Double(sign: .plus, exponent: 1000, significand: 1); k -= 1000 }
        while k < -1000 { result *= Double(sign: .plus, exponent: -1000, significand: 1); k += 1000 }
        return result * Double(sign: .plus, exponent: k, significand: 1)
    }

    /// x^y for x > 0.
    static func pow(_ x: Double, _ y: Double) -> Double { exp(y * log(x)) }

    /// Cosine, reduced to [0, pi/2] and summed as a Taylor series.
    static func cos(_ x: Double) -> Double {
        var a = x - (x / twoPi).rounded() * twoPi   // [-pi, pi]
        if a < 0 { a = -a }
        var sign = 1.0
        if a > pi / 2 { a = pi - a; sign = -1 }
        let a2 = a * a
        var sum = 1.0
        var n = 20.0
        while n >= 2 {
            sum = 1 - a2 * sum / (n * (n - 1))
            n -= 2
        }
        return sign * sum
    }

    /// log(k!) exactly summed for small k, Stirling's series beyond.
    static func logFactorial(_ k: Int) -> Double {
        if k < logFactorialTable.count { return logFactorialTable[k] }
        let n = Double(k) + 1
        let inv = 1 / n, inv2 = inv * inv
        // log Gamma(n) = (n - 1/2) log n - n + log(2 pi)/2 + 1/(12n) - 1/(360n^3) + 1/(1260n^5)
        return (n - 0.5) * log(n) - n + 0.918938533204672741780329736406
            + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260))
    }

    static let logFactorialTable: [Double] = {
        var table = [0.0]
        var sum = 0.0
        for k in 1..<128 {
            sum += log(Double(k))
            table.append(sum)
        }
        return table
    }()
}
