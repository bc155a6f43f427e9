using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The community's registry, pages, a funded project and a past event's attendee list (DemoCommunity); two past workshops with their materials, an upcoming one with its call for sessions decided and registration open, each with a published agenda, the open call for the year after with its first proposals, and the announcement that opened registration, on the news page, so a newcomer
/// sees a living site. Running it again adds nothing.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, TimeProvider clock, DemoProposals proposals, DemoSessions sessions, DemoRegistrations registrations, DemoAgenda agendas,
    DemoMaterials materials, DemoAnnouncements announcements, DemoCommunity community, DemoTravel travel, Core.Domain.Archive.ArchiveIndex index)
{
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var year = now.Year;
        // The upcoming one is about four months ahead, Monday to Friday.
        var upcomingStart = now.Date.AddDays(120);
        while (upcomingStart.DayOfWeek != DayOfWeek.Monday) upcomingStart = upcomingStart.AddDays(1);

        var demos = new[]
        {
            Demo($"{year - 2}-canberra", $"Living Atlases Workshop {year - 2}, Canberra", year - 2,
                new DateTime(year - 2, 10, 3, 9, 0, 0), 5, "Australia/Sydney", "CSIRO Discovery Centre", "North Science Rd, Acton ACT 2601", "Canberra", "Australia",
                "The community met at CSIRO to work on the **Atlas of Living Australia** software stack: upgrades, Docker deployments and data quality.\n\nTwo tracks ran side by side all week."),
            Demo($"{year - 1}-madrid", $"Living Atlases Workshop {year - 1}, Madrid", year - 1,
                new DateTime(year - 1, 9, 22, 9, 0, 0), 4, "Europe/Madrid", "Real Jardín Botánico (CSIC)", "Plaza de Murillo 2, 28014", "Madrid", "España",
                "Hosted by GBIF España at the *Real Jardín Botánico*. Sessions on data portals in Spanish, Portuguese and French, and a hands-on day on the biocache."),
            Demo($"{upcomingStart.Year}-sao-paulo", $"Living Atlases Workshop {upcomingStart.Year}, São Paulo", upcomingStart.Year,
                upcomingStart.AddHours(9), 5, "America/Sao_Paulo", "Universidade de São Paulo", "Rua do Matão 1010, Butantã", "São Paulo", "Brasil",
                "The yearly workshop of the nodes that run Living Atlases portals.\n\n- **Developers' track**: upgrades, the new API gateway, deployment with Ansible and Docker.\n- **Managers' track**: data partnerships, funding, and user engagement.\n\nEveryone joins for the opening and the closing sessions.",
                "Metro line 4 (yellow) to Butantã, then bus 8012-10 to the institute's gate 1. The rooms are on the ground floor, with step-free access from the main entrance.",
                // Most of the demo's participants read Portuguese or Spanish: the description and the notes on the venue in both.
                new Dictionary<string, WorkshopTranslation>
                {
                    ["pt"] = new(null,
                        "O workshop anual dos nós que mantêm portais Living Atlases.\n\n- **Trilha de desenvolvimento**: atualizações, o novo gateway de API, implantação com Ansible e Docker.\n- **Trilha de gestão**: parcerias de dados, financiamento e engajamento de usuários.\n\nTodos participam das sessões de abertura e de encerramento.",
                        "Linha 4 (amarela) do metrô até Butantã e, depois, o ônibus 8012-10 até o portão 1 do instituto. As salas ficam no térreo, com acesso sem degraus pela entrada principal."),
                    ["es"] = new(null,
                        "El taller anual de los nodos que mantienen portales Living Atlases.\n\n- **Línea de desarrollo**: actualizaciones, la nueva pasarela de API, despliegue con Ansible y Docker.\n- **Línea de gestión**: alianzas de datos, financiación y participación de los usuarios.\n\nTodos asisten a las sesiones de apertura y de clausura.",
                        "Línea 4 (amarilla) del metro hasta Butantã y, luego, el autobús 8012-10 hasta la puerta 1 del instituto. Las salas están en la planta baja, con acceso sin escalones desde la entrada principal."),
                }),
        };

        var existing = await db.Workshops.Select(w => w.Slug).ToListAsync(ct);
        var added = 0;
        foreach (var workshop in demos.Where(d => !existing.Contains(d.Slug)))
        {
            db.StatusChanges.Add(workshop.MoveTo(WorkshopStatus.Published, null, now));
            db.Workshops.Add(workshop);
            added++;
        }
        await db.SaveChangesAsync(ct);
        var upcoming = await db.Workshops.FirstAsync(w => w.Slug == demos[2].Slug, ct);
        added += await sessions.SeedAsync(upcoming, ct);
        added += await registrations.SeedAsync(upcoming, ct);
        added += await travel.SeedAsync(upcoming, ct);
        foreach (var demo in demos)
        {
            var workshop = await db.Workshops.FirstAsync(w => w.Slug == demo.Slug, ct);
            added += await agendas.SeedAsync(workshop, ct);
            added += await materials.SeedAsync(workshop, ct);
            await index.RebuildWorkshopAsync(workshop.Id, ct);
        }
        added += await proposals.SeedAsync(upcomingStart.Year + 1, ct);
        added += await announcements.SeedAsync(upcoming, ct);
        added += await community.SeedAsync(await db.Workshops.FirstAsync(w => w.Slug == demos[1].Slug, ct), ct);
        if (await db.ArchivedEvents.FirstOrDefaultAsync(e => e.SourceKey == "demo:paris-2019", ct) is { } paris) await index.RebuildEventAsync(paris.Id, ct);
        return added;

        Workshop Demo(string slug, string title, int y, DateTime starts, int days, string zone, string venue, string address, string city, string country, string text,
            string? venueNotes = null, Dictionary<string, WorkshopTranslation>? translations = null) =>
            Workshop.Create(
                new WorkshopDetails(title, slug, y, starts, starts.Date.AddDays(days - 1).AddHours(18), zone, WorkshopFormat.Hybrid, venue, address, city, country, text,
                    "en", translations, venueNotes),
                [
                    new TrackDetails(null, "Developers", "Installing, upgrading and extending the software.", 25),
                    new TrackDetails(null, "Managers", "Running a national node: people, data and funding.", 25),
                ],
                now);
    }
}
