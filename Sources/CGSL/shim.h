#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>

/* GSL exposes its minimiser types as global variables, which Swift 6 treats as shared
   mutable state; an accessor makes the read explicit and safe. */
static inline const gsl_multimin_fminimizer_type *qm_nmsimplex2(void) {
    return gsl_multimin_fminimizer_nmsimplex2;
}
