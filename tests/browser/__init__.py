"""The browser suite: JupyterLab, the app page and the docs in headless Chromium."""
