using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegisterAgainAfterCancelling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkshopId_NormalizedEmail",
                table: "Registrations");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkshopId_NormalizedEmail",
                table: "Registrations",
                columns: new[] { "WorkshopId", "NormalizedEmail" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkshopId_NormalizedEmail",
                table: "Registrations");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkshopId_NormalizedEmail",
                table: "Registrations",
                columns: new[] { "WorkshopId", "NormalizedEmail" },
                unique: true);
        }
    }
}
