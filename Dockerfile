# briefkit in a container: `briefkit build` (or any other command) on a project mounted at /work.
#
#   npm pack                                   # makes briefkit-<version>.tgz from this checkout
#   docker build -t briefkit .                 # installs that tarball, nothing else from here
#   docker run --rm -v "$PWD:/work" -u "$(id -u):$(id -g)" briefkit build
#   docker run --rm -v "$PWD:/work" briefkit diff old.pdf new.pdf --out diffs
#
# Debian bookworm slim with Node 20 from the official Node image (no NodeSource script), the
# PDF tools `briefkit diff` needs (poppler-utils), and fonts for chart text fallback. The
# fonts briefkit typesets with are inside the package. Runs as the image's non-root `node`
# user; pass -u to write outputs as your own user on Linux.
ARG NODE_VERSION=20.20.2
FROM node:${NODE_VERSION}-bookworm-slim

# No recommends: only what is named. fontconfig and the DejaVu and Liberation faces serve
# canvas (PNG charts) when a font is asked for by a family it does not hold.
RUN apt-get update \
 && apt-get install -y --no-install-recommends poppler-utils fontconfig fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*

# The packed package only (see .dockerignore): no source, tests, node_modules or secrets.
COPY briefkit-*.tgz /tmp/briefkit.tgz
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/briefkit.tgz \
 && rm /tmp/briefkit.tgz \
 && npm cache clean --force \
 && briefkit --version

ENV NODE_ENV=production
USER node
WORKDIR /work
ENTRYPOINT ["briefkit"]
CMD ["build"]
