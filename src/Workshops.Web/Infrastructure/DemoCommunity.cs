using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Community.Attendees;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The community around the workshops: a dozen installations on four continents in every status (so the map is
/// coloured), the About and Contact pages in four languages, a funded project linked to a workshop, and a past event with
/// its public attendee list. Running it again adds nothing.
/// </summary>
public sealed class DemoCommunity(AppDbContext db, TimeProvider clock)
{
    private static readonly (string Slug, string Name, string Institution, string Country, InstallationStatus Status, int Year, string? Web, string Languages, string[] Modules)[] Portals =
    [
        ("ala", "Atlas of Living Australia", "CSIRO", "AU", InstallationStatus.Live, 2010, "https://www.ala.org.au", "English", ["Biocache", "Collectory", "Species", "Spatial portal", "Regions", "Lists", "Images", "Dashboard"]),
        ("gbif-spain", "GBIF España — Datos de biodiversidad", "Real Jardín Botánico (CSIC)", "ES", InstallationStatus.Live, 2014, "https://datos.gbif.es", "Spanish, English", ["Biocache", "Collectory", "Species", "Regions", "Spatial portal"]),
        ("gbif-portugal", "GBIF Portugal", "Universidade de Lisboa", "PT", InstallationStatus.Live, 2015, "https://dados.gbif.pt", "Portuguese", ["Biocache", "Collectory", "Species"]),
        ("sibbr", "SiBBr", "Ministério da Ciência, Tecnologia e Inovação", "BR", InstallationStatus.Live, 2016, "https://sibbr.gov.br", "Portuguese", ["Biocache", "Species", "Spatial portal"]),
        ("nbn-atlas", "NBN Atlas", "National Biodiversity Network Trust", "GB", InstallationStatus.Live, 2017, "https://nbnatlas.org", "English", ["Biocache", "Species", "Lists", "Images"]),
        ("bioatlas-sweden", "SBDI BioAtlas", "Swedish Biodiversity Data Infrastructure", "SE", InstallationStatus.Live, 2019, "https://biodiversitydata.se", "Swedish, English", ["Biocache", "Collectory", "Species", "Spatial portal", "Dashboard"]),
        ("gbif-france", "Atlas GBIF France", "Muséum national d'Histoire naturelle", "FR", InstallationStatus.Live, 2015, "https://openobs.mnhn.fr", "French", ["Biocache", "Collectory", "Regions"]),
        ("crbio", "Atlas of Living Costa Rica", "CRBio", "CR", InstallationStatus.Degraded, 2016, "http://www.crbio.cr", "Spanish", ["Biocache", "Species"]),
        ("sndb", "Sistema Nacional de Datos Biológicos", "Ministerio de Ciencia", "AR", InstallationStatus.Degraded, 2010, "https://datos.sndb.mincyt.gob.ar", "Spanish", ["Biocache", "Collectory"]),
        ("gbif-benin", "GBIF Bénin", "Université d'Abomey-Calavi", "BJ", InstallationStatus.InDevelopment, 2022, null, "French", ["Biocache"]),
        ("tanbif", "Tanzania Biodiversity Information Facility", "TAWIRI", "TZ", InstallationStatus.InDevelopment, 2021, null, "English, Swahili", ["Biocache", "Species"]),
        ("gbif-colombia", "SiB Colombia", "Instituto Humboldt", "CO", InstallationStatus.InDiscussion, 2024, null, "Spanish", []),
        ("barbados", "Living Atlas of Barbados", "University of the West Indies", "BB", InstallationStatus.Offline, 2018, null, "English", ["Biocache"]),
    ];

    public async Task<int> SeedAsync(Workshop fundedWorkshop, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        var known = await db.Installations.Select(i => i.Slug).ToListAsync(ct);
        foreach (var p in Portals.Where(p => !known.Contains(p.Slug)))
        {
            db.Installations.Add(Installation.Create(new InstallationDetails(p.Name, p.Slug, p.Institution, p.Country, null, $"GBIF {p.Country}", "Voting participant",
                p.Languages, p.Web, p.Status, p.Year, p.Modules.Select(m => new InstallationModule(m, null)).ToList(), [],
                $"{p.Name} is the national data portal run by {p.Institution}, built with the community's tools."), now, "demo:" + p.Slug));
            added++;
        }
        added += await PagesAsync(now, ct);
        added += await ProjectAsync(fundedWorkshop, now, ct);
        added += await PastEventAsync(now, ct);
        await db.SaveChangesAsync(ct);
        return added;
    }

    private async Task<int> PagesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var added = 0;
        if (!await db.SitePages.AnyAsync(p => p.Slug == SitePage.AboutSlug, ct))
        {
            db.SitePages.Add(SitePage.Create(new SitePageDetails(SitePage.AboutSlug, "About the community",
                "The **Living Atlases** community brings together the people who run national and regional biodiversity data portals built with the Atlas of Living Australia's open-source tools. We meet once a year, share code and documentation, and help new nodes get their portal online.\n\n## How we work\n\n- A developers' track and a managers' track at every workshop.\n- A mailing list and a chat for questions between workshops.\n- Projects funded by GBIF's Capacity Enhancement Support Programme.\n\n## Join us\n\nAny GBIF node or institution running, or planning, a portal is welcome.",
                PagePlacement.Menu, 1, "en", new Dictionary<string, PageTranslation>
                {
                    ["es"] = new("Sobre la comunidad", "La comunidad **Living Atlases** reúne a quienes mantienen portales nacionales y regionales de datos de biodiversidad construidos con las herramientas de código abierto del Atlas of Living Australia. Nos reunimos una vez al año, compartimos código y documentación, y ayudamos a los nuevos nodos a poner su portal en línea.\n\n## Cómo trabajamos\n\n- Una línea de desarrollo y otra de gestión en cada taller.\n- Una lista de correo y un chat para las preguntas entre talleres.\n- Proyectos financiados por el programa CESP de GBIF."),
                    ["fr"] = new("À propos de la communauté", "La communauté **Living Atlases** réunit les personnes qui font vivre des portails nationaux et régionaux de données sur la biodiversité construits avec les outils libres de l’Atlas of Living Australia. Nous nous retrouvons chaque année, partageons code et documentation, et aidons les nouveaux nœuds à mettre leur portail en ligne.\n\n## Notre fonctionnement\n\n- Un parcours développeurs et un parcours gestionnaires à chaque atelier.\n- Une liste de diffusion et un chat pour les questions entre deux ateliers.\n- Des projets financés par le programme CESP du GBIF."),
                    ["pt"] = new("Sobre a comunidade", "A comunidade **Living Atlases** reúne quem mantém portais nacionais e regionais de dados de biodiversidade construídos com as ferramentas de código aberto do Atlas of Living Australia. Nos encontramos uma vez por ano, compartilhamos código e documentação e ajudamos novos nós a colocar o seu portal no ar.\n\n## Como trabalhamos\n\n- Uma trilha de desenvolvimento e outra de gestão em cada workshop.\n- Uma lista de discussão e um chat para as dúvidas entre workshops.\n- Projetos financiados pelo programa CESP do GBIF."),
                }), now, "demo:about"));
            added++;
        }
        if (!await db.SitePages.AnyAsync(p => p.Slug == "contact", ct))
        {
            db.SitePages.Add(SitePage.Create(new SitePageDetails("contact", "Contact",
                "Write to the coordinators at [coordinators@example.org](mailto:coordinators@example.org). Questions about a portal are best asked on the mailing list.",
                PagePlacement.Footer, 1, "en", new Dictionary<string, PageTranslation>
                {
                    ["es"] = new("Contacto", "Escriba a los coordinadores a [coordinators@example.org](mailto:coordinators@example.org). Las preguntas sobre un portal, mejor en la lista de correo."),
                    ["fr"] = new("Contact", "Écrivez aux coordinateurs à [coordinators@example.org](mailto:coordinators@example.org). Les questions sur un portail ont leur place sur la liste de diffusion."),
                    ["pt"] = new("Contato", "Escreva para os coordenadores em [coordinators@example.org](mailto:coordinators@example.org). Dúvidas sobre um portal, de preferência na lista de discussão."),
                }), now, "demo:contact"));
            added++;
        }
        return added;
    }

    private async Task<int> ProjectAsync(Workshop workshop, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Projects.AnyAsync(p => p.SourceKey == "demo:cesp", ct)) return 0;
        db.Projects.Add(Project.Create(new ProjectDetails("Strengthening the Living Atlases community of practice", "cesp-living-atlases",
            "GBIF Capacity Enhancement Support Programme (CESP)", $"CESP{workshop.Year - 1}-004", "GBIF and co-funders", "GBIF Spain",
            [new("GBIF Spain", "Lead"), new("GBIF Portugal", "Co-coordinator"), new("GBIF France", "Partner"), new("SiBBr", "Partner")],
            workshop.Year - 1, workshop.Year, ProjectStatus.Active, [workshop.Id], [],
            "Pays for the travel of participants from nodes with small budgets and for the end-user exercises translated into Spanish, French and Portuguese."),
            now, "demo:cesp"));
        return 1;
    }

    private async Task<int> PastEventAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (await db.ArchivedEvents.AnyAsync(e => e.SourceKey == "demo:paris-2019", ct)) return 0;
        var paris = ArchivedEvent.Create("2019-paris", new ArchivedEventDetails("International Living Atlases workshop, Paris", ArchivedEventType.Workshop,
            new DateOnly(2019, 4, 1), new DateOnly(2019, 4, 5), null, "Paris", "FR", "Muséum national d'Histoire naturelle",
            "A week on the spatial portal, the regions module and ALA4R, with participants from fifteen GBIF nodes."), "demo:paris-2019", now);
        db.ArchivedEvents.Add(paris);
        var list = AttendeeList.For(paris.Id, now, "demo:paris-2019");
        list.Replace(
        [
            new("Ana Ribeiro", "GBIF Portugal", "Portugal"), new("Carlos Méndez", "GBIF España", "España"), new("Claire Martin", "MNHN", "France"),
            new("Koffi Adjovi", "GBIF Bénin", "Bénin"), new("Lucía Fernández", "Instituto Humboldt", "Colombia"), new("Mariana Souza", "SiBBr", "Brasil"),
            new("Erik Lindqvist", "SBDI", "Sweden"), new("Grace Mwangi", "TAWIRI", "Tanzania"), new("James Wilson", "CSIRO", "Australia"),
            new("Sofía Rojas", "CRBio", "Costa Rica"), new("Tomás Acosta", "SNDB", "Argentina"), new("Julie Dubois", "GBIF France", "France"),
        ], now);
        list.Publish(true, now);
        db.AttendeeLists.Add(list);
        return 2;
    }
}
