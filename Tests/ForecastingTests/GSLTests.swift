import CGSL
import Testing
@testable import Forecasting

@Suite("GSL")
struct GSLTests {
    @Test func errorsReturnInsteadOfAborting() throws {
        GSL.prepare()
        GSL.prepare()   // idempotent

        // Each of these calls GSL's error handler; the default handler would abort the process.
        // binomial_P reports GSL_EDOM for a probability above 1 and then returns NaN.
        #expect(gsl_cdf_binomial_P(1, 1.5, 10).isNaN)

        let u = try #require(gsl_vector_alloc(2))
        let v = try #require(gsl_vector_alloc(3))
        defer { gsl_vector_free(u); gsl_vector_free(v) }
        #expect(gsl_vector_memcpy(u, v) == Int32(GSL_EBADLEN))

        let a = try #require(gsl_matrix_alloc(2, 2))
        let b = try #require(gsl_matrix_alloc(3, 3))
        defer { gsl_matrix_free(a); gsl_matrix_free(b) }
        let status = gsl_matrix_memcpy(a, b)
        #expect(status == Int32(GSL_EBADLEN))

        let x = gsl_cdf_gaussian_Pinv(2.0, 1.0)   // a probability above 1
        #expect(!x.isFinite)
    }

    @Test func checkThrowsForAFailureStatus() throws {
        let error = try #require(throws: GSLError.self) { try GSL.check(Int32(GSL_EBADLEN), "gsl_matrix_memcpy") }
        #expect(error.status == Int32(GSL_EBADLEN))
        #expect(error.call == "gsl_matrix_memcpy")
        #expect(error.description == "gsl_matrix_memcpy failed: matrix/vector sizes are not conformant")

        let domain = try #require(throws: GSLError.self) { try GSL.check(Int32(GSL_EDOM), "gsl_cdf_gamma_Pinv") }
        #expect(domain.description == "gsl_cdf_gamma_Pinv failed: input domain error")
    }

    @Test func checkAcceptsSuccess() throws {
        try GSL.check(Int32(GSL_SUCCESS), "gsl_matrix_memcpy")
        GSL.prepare()
        let a = try #require(gsl_matrix_alloc(2, 2))
        let b = try #require(gsl_matrix_alloc(2, 2))
        defer { gsl_matrix_free(a); gsl_matrix_free(b) }
        gsl_matrix_set_identity(b)
        try GSL.check(gsl_matrix_memcpy(a, b), "gsl_matrix_memcpy")
        #expect(gsl_matrix_get(a, 1, 1) == 1)
        #expect(gsl_matrix_get(a, 0, 1) == 0)
    }
}
