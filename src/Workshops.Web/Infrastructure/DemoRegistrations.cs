using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Registration for the upcoming workshop, open in approval mode, with a handful of registrations in each status, so
/// the organisers' list, its charts and the check-in page have people in them.
/// </summary>
public sealed class DemoRegistrations(AppDbContext db, DemoPeople people, SeatLedger seats, TimeProvider clock)
{
    public async Task<int> SeedAsync(Workshop workshop, CancellationToken ct)
    {
        if (await db.RegistrationSetups.AnyAsync(s => s.WorkshopId == workshop.Id, ct)) return 0;
        var now = clock.GetUtcNow();
        var today = Core.Time.WorkshopTime.ToLocal(now, Core.Time.WorkshopTime.Zone(workshop.TimeZoneId)).Date;
        var setup = RegistrationSetup.For(workshop,
            new RegistrationSetupDetails(today.AddDays(-12).AddHours(9), workshop.StartsLocal.Date.AddDays(-21).AddHours(23).AddMinutes(59),
                RegistrationMode.Approval, 45, true, DateOnly.FromDateTime(workshop.StartsLocal.Date.AddDays(-45)),
                "We keep your registration to run the workshop: to admit you, to email you about it and to print your badge. We delete it a year after the workshop."),
            [
                new RegistrationQuestionDetails(null, "Which Living Atlases modules does your node run?", QuestionKind.MultipleChoice,
                    "Biocache\nSpatial portal\nCollectory\nSpecies lists\nImage service", true),
                new RegistrationQuestionDetails(null, "Dietary needs", QuestionKind.ShortText, null, false),
            ],
            now);
        db.RegistrationSetups.Add(setup);
        var organiser = await people.PersonAsync("organiser.demo@example.org", "Olivia Martins", Roles.Organiser, ct);
        var developers = workshop.Tracks.Single(t => t.Name == "Developers").Id;
        var managers = workshop.Tracks.Single(t => t.Name == "Managers").Id;
        var demo = new (string Email, string Name, string Institution, string Country, Guid Track, string Modules, RegistrationStatus Status)[]
        {
            ("ana.demo@example.org", "Ana Souza", "SiBBr", "Brasil", developers, "Biocache\nSpatial portal", RegistrationStatus.Admitted),
            ("kofi.demo@example.org", "Kofi Mensah", "GBIF Ghana", "Ghana", managers, "Collectory", RegistrationStatus.Admitted),
            ("mei.demo@example.org", "Mei Tanaka", "GBIF Japan", "Japan", developers, "Biocache\nImage service", RegistrationStatus.Admitted),
            ("lars.demo@example.org", "Lars Nilsson", "GBIF Sweden", "Sweden", developers, "Biocache\nSpecies lists", RegistrationStatus.Waitlisted),
            ("carmen.demo@example.org", "Carmen Quispe", "SiB Perú", "Peru", managers, "Spatial portal", RegistrationStatus.Submitted),
            ("wanjiru.demo@example.org", "Wanjiru Kamau", "National Museums of Kenya", "Kenya", developers, "Biocache", RegistrationStatus.Submitted),
            ("joao.demo@example.org", "João Ferreira", "GBIF Portugal", "Portugal", managers, "Collectory\nSpecies lists", RegistrationStatus.Declined),
            ("diego.demo@example.org", "Diego Ramírez", "SiB Colombia", "Colombia", developers, "Biocache", RegistrationStatus.Cancelled),
        };
        var at = setup.OpensAt.AddHours(2);
        foreach (var d in demo)
        {
            var person = await people.PersonAsync(d.Email, d.Name, Roles.Member, ct);
            var registration = Registration.Submit(setup, workshop, person.Id,
                new RegistrationDetails(d.Name, d.Email, d.Institution, d.Country, d.Track == developers ? "Developer" : "Node manager", d.Track, true, d.Country != "Japan",
                    WantsLetter: d.Country is "Ghana" or "Kenya", PassportNationality: d.Country is "Ghana" ? "Ghanaian" : d.Country is "Kenya" ? "Kenyan" : null),
                new Dictionary<Guid, IReadOnlyList<string>>
                {
                    [setup.Questions[0].Id] = d.Modules.Split('\n'),
                },
                at);
            db.Registrations.Add(registration);
            var changes = new List<StatusChange> { registration.Created() };
            if (d.Status != RegistrationStatus.Submitted)
                changes.Add(registration.MoveTo(d.Status, d.Status == RegistrationStatus.Cancelled ? person.Id : organiser.Id, at.AddDays(3)));
            db.StatusChanges.AddRange(changes);
            at = at.AddHours(19); // spread over the days, so the chart has a shape
        }
        // What the attendee packs print besides the agenda: an organiser makes the packs with one click on a fresh demo.
        var packs = Core.Domain.Packs.PackSettings.For(workshop.Id, now);
        const string letterhead = "Sistema de Informação sobre a Biodiversidade Brasileira (SiBBr)\nEsplanada dos Ministérios, Bloco E, Brasília, DF, Brasil\nworkshop@sibbr.gov.br";
        // The practical information and the signature also in Portuguese and Spanish: most of the demo's attendees read one of them.
        packs.Change(Core.Domain.Packs.PackTexts.Of(workshop.Language, PracticalInfo, letterhead, "Olivia Martins, for the organising committee",
            new Dictionary<string, Core.Domain.Packs.PackTranslation>
            {
                ["pt"] = new(PracticalInfoPt, null, "Olivia Martins, pela comissão organizadora"),
                ["es"] = new(PracticalInfoEs, null, "Olivia Martins, por el comité organizador"),
            }), Core.Pdf.PaperSize.A4, lettersInEnglish: false, now);
        db.PackSettings.Add(packs);
        await db.SaveChangesAsync(ct);
        await seats.EnsureCountersAsync(workshop.Id, ct); // counts the three admitted
        return demo.Length;
    }

    private const string PracticalInfo = """
        ## Venue

        Instituto de Biociências, **Universidade de São Paulo**, Rua do Matão 1010, Butantã. The rooms are signposted from the main entrance.

        ## Getting there

        - From Guarulhos airport: the Airport Bus Service to Praça da República, then metro line 4 (yellow) to Butantã.
        - From the metro: bus 8012-10 from Butantã station stops in front of the institute.
        - Taxis and ride apps: ask for "Instituto de Biociências, portão 1".

        ## Wi-Fi

        1. Network: **eduroam** if your institution has it, otherwise **USP-Visitante**.
        2. The visitor password is on your badge.

        ## Emergency contacts

        - Emergencies: call **192** (ambulance) or **190** (police).
        - The organisers: [workshop@sibbr.gov.br](mailto:workshop@sibbr.gov.br), or find us at the registration desk.
        """;

    private const string PracticalInfoPt = """
        ## Local

        Instituto de Biociências, **Universidade de São Paulo**, Rua do Matão 1010, Butantã. As salas estão sinalizadas a partir da entrada principal.

        ## Como chegar

        - Do aeroporto de Guarulhos: o Airport Bus Service até a Praça da República e, depois, a linha 4 (amarela) do metrô até Butantã.
        - Do metrô: o ônibus 8012-10, que sai da estação Butantã, para em frente ao instituto.
        - Táxis e aplicativos: peça "Instituto de Biociências, portão 1".

        ## Wi-Fi

        1. Rede: **eduroam**, se a sua instituição participa; caso contrário, **USP-Visitante**.
        2. A senha de visitante está no seu crachá.

        ## Contatos de emergência

        - Emergências: ligue **192** (ambulância) ou **190** (polícia).
        - A organização: [workshop@sibbr.gov.br](mailto:workshop@sibbr.gov.br), ou procure-nos no balcão de credenciamento.
        """;

    private const string PracticalInfoEs = """
        ## Lugar

        Instituto de Biociências, **Universidade de São Paulo**, Rua do Matão 1010, Butantã. Las salas están señalizadas desde la entrada principal.

        ## Cómo llegar

        - Desde el aeropuerto de Guarulhos: el Airport Bus Service hasta la Praça da República y, luego, la línea 4 (amarilla) del metro hasta Butantã.
        - Desde el metro: el autobús 8012-10, que sale de la estación Butantã, para frente al instituto.
        - Taxis y aplicaciones: pida "Instituto de Biociências, portão 1".

        ## Wi-Fi

        1. Red: **eduroam**, si su institución participa; si no, **USP-Visitante**.
        2. La contraseña de visitante figura en su credencial.

        ## Contactos de emergencia

        - Emergencias: llame al **192** (ambulancia) o al **190** (policía).
        - Los organizadores: [workshop@sibbr.gov.br](mailto:workshop@sibbr.gov.br), o búsquenos en el mostrador de acreditación.
        """;
}
