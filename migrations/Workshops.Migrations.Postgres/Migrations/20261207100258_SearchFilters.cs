using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
