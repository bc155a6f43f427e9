using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AccentFreeSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Words match whatever their accents, as on SQLite (FTS5 drops diacritics): "biodiversite" finds
            // "biodiversité" and "sao paulo" finds "São Paulo", and the highlights mark the accented words. unaccent is a
            // trusted extension, which the database's owner may create.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION ws_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION ws_search ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
                DROP INDEX IF EXISTS "IX_SearchDocuments_Search";
                ALTER TABLE "SearchDocuments" DROP COLUMN "Search";
                ALTER TABLE "SearchDocuments" ADD COLUMN "Search" tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('ws_search', coalesce("Title", '')), 'A') ||
                  setweight(to_tsvector('ws_search', coalesce("Speakers", '')), 'B') ||
                  setweight(to_tsvector('ws_search', coalesce("Body", '')), 'C')) STORED;
                CREATE INDEX "IX_SearchDocuments_Search" ON "SearchDocuments" USING GIN ("Search");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_SearchDocuments_Search";
                ALTER TABLE "SearchDocuments" DROP COLUMN "Search";
                ALTER TABLE "SearchDocuments" ADD COLUMN "Search" tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('simple', coalesce("Title", '')), 'A') ||
                  setweight(to_tsvector('simple', coalesce("Speakers", '')), 'B') ||
                  setweight(to_tsvector('simple', coalesce("Body", '')), 'C')) STORED;
                CREATE INDEX "IX_SearchDocuments_Search" ON "SearchDocuments" USING GIN ("Search");
                DROP TEXT SEARCH CONFIGURATION IF EXISTS ws_search;
                """);
        }
    }
}
