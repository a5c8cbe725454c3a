# The newsindex image: the CLI, the flows and a Prefect worker. Used by docker-compose.yml.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsindex newsindex
COPY articles articles
COPY indexing indexing
COPY flows flows
RUN pip install --no-cache-dir -e '.[dask]'
COPY config config
COPY seeds seeds
COPY prefect.yaml ./
ENV NEWSINDEX_CONFIG_DIR=/app/config
ENTRYPOINT []
CMD ["newsindex", "--help"]
