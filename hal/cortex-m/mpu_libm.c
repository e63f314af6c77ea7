/* The square roots the VM takes while it interprets an agent inside its fault domain, where
 * nothing in RAM but the domain and its stack is readable. newlib's sqrt and sqrtf read the
 * global _LIB_VERSION on every call and set errno (in the global reentrancy structure) for a
 * negative argument, so the link wraps them (--wrap=sqrt, --wrap=sqrtf) to these, which touch
 * no global: the FPU's instruction where the core has one for the type (this file is built with
 * -fno-math-errno, so the builtin becomes that instruction), newlib's own errno-free kernels
 * otherwise. Results are the same correctly rounded values; the VM handles NaN itself. */

double __wrap_sqrt(double x);
float __wrap_sqrtf(float x);
double __ieee754_sqrt(double x);
float __ieee754_sqrtf(float x);

double __wrap_sqrt(double x)
{
#if defined(__ARM_FP) && (__ARM_FP & 8)
    return __builtin_sqrt(x);
#else
    return __ieee754_sqrt(x);
#endif
}

float __wrap_sqrtf(float x)
{
#if defined(__ARM_FP) && (__ARM_FP & 4)
    return __builtin_sqrtf(x);
#else
    return __ieee754_sqrtf(x);
#endif
}
