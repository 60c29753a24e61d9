"""Check the parameters that many functions share, with errors that name the parameter and say what to pass.

One home for the small argument checks every stage uses, so that a count, a
figure and a report refuse a bad ``top`` or ``unit`` with the same sentence.
Each raises :class:`~kuril_research.errors.ParameterError` (the CLI prints it
without a traceback) and never changes a valid value beyond making an integer
a plain ``int``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from kuril_research.errors import ParameterError

__all__ = ["positive_int", "choice"]


def positive_int(value: object, name: str, *, minimum: int = 1) -> int:
    """Return ``value`` as an ``int`` if it is a whole number of at least ``minimum``.

    Booleans are refused (``True`` is not a count), NumPy integers accepted.

    Parameters
    ----------
    value : object
        What the caller passed.
    name : str
        The parameter's name, used as the error's field.
    minimum : int, default 1
        The smallest value allowed (``0`` for a window that may be empty).

    Returns
    -------
    int

    Raises
    ------
    ParameterError
        If ``value`` is not an integer, is a bool, or is below ``minimum``.

    Examples
    --------
    >>> positive_int(np.int64(3), "top")
    3
    >>> positive_int(0, "window", minimum=0)
    0
    >>> positive_int(True, "top")
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field top: top must be an integer of at least 1, not True. What to do: pass top=1 or more
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(f"{name} must be an integer of at least {minimum}, not {value!r}", field=name,
                             hint=f"pass {name}={minimum} or more")
    return int(value)


def choice(value: object, name: str, allowed: Sequence[object]) -> None:
    """Refuse ``value`` unless it is one of ``allowed`` (compared with ``==``; ``None`` may be allowed).

    Parameters
    ----------
    value : object
        What the caller passed.
    name : str
        The parameter's name, used as the error's field.
    allowed : sequence
        The values accepted, listed in the error in this order.

    Raises
    ------
    ParameterError
        If ``value`` is not in ``allowed``.

    Examples
    --------
    >>> choice("left", "sort", ("left", "right", None))
    >>> choice("up", "sort", ("left", "right", None))
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field sort: sort must be one of ['left', 'right', None], not 'up'. What to do: pass one of 'left', 'right', None
    """
    if value not in allowed:
        raise ParameterError(f"{name} must be one of {list(allowed)}, not {value!r}", field=name,
                             hint=f"pass one of {', '.join(map(repr, allowed))}")
