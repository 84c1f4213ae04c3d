"""Training that gives the same weights on every run, whatever the machine's thread count."""
from __future__ import annotations

from contextlib import AbstractContextManager


def one_blas_thread() -> AbstractContextManager:
    """BLAS held to one thread while models are fitted.

    scikit-learn's solvers sum through BLAS; with several threads the sums come in another order and the weights
    differ in their last digits between runs (the English linear sentiment model's biases by 0.02, moving its
    stacker's coefficients), so a training command would not rebuild the committed model. threadpoolctl comes with
    scikit-learn, which only training needs, so it is imported here and not at the package's import.
    """
    import sklearn.linear_model  # noqa: F401  (loads SciPy's own BLAS, which the limit reaches only if loaded)
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")
