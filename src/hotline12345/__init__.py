"""Build, audit, publish and export the warehouse of the figures China's 12345 citizen hotlines publish."""

__all__ = ["__version__"]
__version__ = "1.0.0"
