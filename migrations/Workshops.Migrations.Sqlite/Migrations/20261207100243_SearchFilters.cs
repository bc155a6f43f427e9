using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Country",
                table: "SearchDocuments",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_EventType",
                table: "SearchDocuments",
                column: "EventType");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Year",
                table: "SearchDocuments",
                column: "Year");
            // The full-text index gets a fourth column of filter words (visibility, year, type, country, workshop), so a
            // search filters inside the index instead of reading each match's row, and the view gives it that column.
            // Words of three and four letters are also indexed as beginnings of longer ones: "data" searched as the start
            // of a word otherwise merges every word that begins so (dataset, database…) for each search.
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_au";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchDocumentsFts";""");
            migrationBuilder.Sql($"""
                CREATE VIEW "SearchDocumentsFtsContent" AS
                SELECT "Id", "Title", "Speakers", "Body", {Facets("SearchDocuments")} AS "Facets" FROM "SearchDocuments";
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchDocumentsFts" USING fts5("Title", "Speakers", "Body", "Facets",
                  content='SearchDocumentsFtsContent', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='3 4');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchDocumentsFts"(rowid, "Title", "Speakers", "Body", "Facets") VALUES (new."Id", new."Title", new."Speakers", new."Body", {Facets("new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts", rowid, "Title", "Speakers", "Body", "Facets") VALUES ('delete', old."Id", old."Title", old."Speakers", old."Body", {Facets("old")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts", rowid, "Title", "Speakers", "Body", "Facets") VALUES ('delete', old."Id", old."Title", old."Speakers", old."Body", {Facets("old")});
                  INSERT INTO "SearchDocumentsFts"(rowid, "Title", "Speakers", "Body", "Facets") VALUES (new."Id", new."Title", new."Speakers", new."Body", {Facets("new")});
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts") VALUES ('rebuild');""");
        }

        /// <summary>
        /// The filter words of a row, as ArchiveSearch asks for them: v + visibility, y + year, t + event type, c + the
        /// country's bytes in hex (any value is one word), w + the workshop's id without dashes. Lower case: the
        /// tokenizer folds case.
        /// </summary>
        private static string Facets(string row) =>
            $"""'v' || lower({row}."Visibility") || ' y' || coalesce({row}."Year", '') || ' t' || lower({row}."EventType") || ' c' || coalesce(hex({row}."Country"), '') || ' w' || coalesce(lower(replace({row}."WorkshopId", '-', '')), '')""";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_au";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchDocumentsFts";""");
            migrationBuilder.Sql("""DROP VIEW IF EXISTS "SearchDocumentsFtsContent";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchDocumentsFts" USING fts5("Title", "Speakers", "Body", content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchDocumentsFts"(rowid, "Title", "Speakers", "Body") VALUES (new."Id", new."Title", new."Speakers", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts", rowid, "Title", "Speakers", "Body") VALUES ('delete', old."Id", old."Title", old."Speakers", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts", rowid, "Title", "Speakers", "Body") VALUES ('delete', old."Id", old."Title", old."Speakers", old."Body");
                  INSERT INTO "SearchDocumentsFts"(rowid, "Title", "Speakers", "Body") VALUES (new."Id", new."Title", new."Speakers", new."Body");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts") VALUES ('rebuild');""");

            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_Country",
                table: "SearchDocuments");

            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_EventType",
                table: "SearchDocuments");

            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_Year",
                table: "SearchDocuments");
        }
    }
}
