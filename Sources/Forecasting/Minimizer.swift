import CGSL

/// Nelder-Mead minimisation through GSL's `nmsimplex2`.
///
/// The objective is a Swift closure; GSL calls back through a C function pointer with an
/// opaque pointer to the box that holds it.
struct NelderMead {
    var maxIterations = 400
    /// Stop when the simplex's characteristic size falls below this.
    var tolerance = 1e-4

    struct Result {
        var point: [Double]
        var value: Double
        var iterations: Int
    }

    private final class Box {
        let objective: (UnsafeBufferPointer<Double>) -> Double
        init(_ objective: @escaping (UnsafeBufferPointer<Double>) -> Double) { self.objective = objective }
    }

    /// Minimises `objective` from `start` with initial steps `steps`.
    func minimize(start: [Double], steps: [Double], _ objective: @escaping (UnsafeBufferPointer<Double>) -> Double) throws -> Result {
        GSL.prepare()
        let n = start.count
        precondition(n > 0 && steps.count == n)
        let box = Box(objective)
        guard let x = gsl_vector_alloc(n), let ss = gsl_vector_alloc(n) else { throw GSLError(status: Int32(GSL_ENOMEM), call: "gsl_vector_alloc") }
        defer { gsl_vector_free(x); gsl_vector_free(ss) }
        for i in 0..<n {
            gsl_vector_set(x, i, start[i])
            gsl_vector_set(ss, i, steps[i])
        }
        guard let minimizer = gsl_multimin_fminimizer_alloc(qm_nmsimplex2(), n) else {
            throw GSLError(status: Int32(GSL_ENOMEM), call: "gsl_multimin_fminimizer_alloc")
        }
        defer { gsl_multimin_fminimizer_free(minimizer) }
        return try withExtendedLifetime(box) {
            var function = gsl_multimin_function(
                f: { v, params in
                    guard let v, let params else { return .infinity }
                    let box = Unmanaged<Box>.fromOpaque(params).takeUnretainedValue()
                    let count = v.pointee.size
                    let stride = v.pointee.stride
                    guard let data = v.pointee.data else { return .infinity }
                    if stride == 1 {
                        return box.objective(UnsafeBufferPointer(start: data, count: count))
                    }
                    let copy = (0..<count).map { data[$0 * stride] }
                    return copy.withUnsafeBufferPointer { box.objective($0) }
                },
                n: n,
                params: Unmanaged.passUnretained(box).toOpaque()
            )
            try GSL.check(gsl_multimin_fminimizer_set(minimizer, &function, x, ss), "gsl_multimin_fminimizer_set")
            var iterations = 0
            while iterations < maxIterations {
                iterations += 1
                let status = gsl_multimin_fminimizer_iterate(minimizer)
                if status != Int32(GSL_SUCCESS) { break }   // no progress possible: keep the best point
                let size = gsl_multimin_fminimizer_size(minimizer)
                if gsl_multimin_test_size(size, tolerance) == Int32(GSL_SUCCESS) { break }
            }
            guard let best = gsl_multimin_fminimizer_x(minimizer) else { throw GSLError(status: Int32(GSL_EFAILED), call: "gsl_multimin_fminimizer_x") }
            let point = (0..<n).map { gsl_vector_get(best, $0) }
            return Result(point: point, value: gsl_multimin_fminimizer_minimum(minimizer), iterations: iterations)
        }
    }
}
