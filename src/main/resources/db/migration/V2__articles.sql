-- Articles: rendered once at start-up from src/main/resources/articles/*.md (see ArticleSync) and only read
-- afterwards. The slug is the natural key the sync upserts on, so a restart never duplicates a row.
CREATE TABLE article (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             VARCHAR(100) NOT NULL,
    title            TEXT         NOT NULL,
    summary          TEXT         NOT NULL,
    about            TEXT         NOT NULL,
    position         INTEGER      NOT NULL DEFAULT 100,
    body_html        TEXT         NOT NULL,
    -- The body as plain text: what search indexes and what ts_headline quotes, free of markup.
    body_text        TEXT         NOT NULL,
    toc              JSONB        NOT NULL DEFAULT '[]',
    reviewed         DATE         NOT NULL,
    review_due       DATE         NOT NULL,
    sources          JSONB        NOT NULL DEFAULT '[]',
    related          TEXT[]       NOT NULL DEFAULT '{}',
    symptoms         TEXT[]       NOT NULL DEFAULT '{}',
    mark_explanation TEXT         NOT NULL,
    -- SHA-256 of the source file and the renderer version: an unchanged file leaves its row untouched.
    content_hash     VARCHAR(64)  NOT NULL,
    -- A file that disappears is unpublished rather than deleted, so old links answer 404 and nothing else breaks.
    published        BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    search           TSVECTOR GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', title), 'A')
                         || setweight(to_tsvector('english', summary), 'B')
                         || setweight(to_tsvector('english', body_text), 'C')
                     ) STORED,
    CONSTRAINT article_review_after_reviewed CHECK (review_due > reviewed)
);

CREATE UNIQUE INDEX article_slug_key ON article (slug);
CREATE INDEX article_search_idx ON article USING GIN (search);
