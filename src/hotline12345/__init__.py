"""Build, audit, publish and export the Beijing 12345 hotline warehouse."""

__all__ = ["__version__"]
__version__ = "1.0.0"
