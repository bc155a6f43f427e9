using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Registrations;

/// <summary>Where a workshop's registration stands now, said the same on the home page, the workshop's page and the organisers' dashboard.</summary>
public enum RegistrationPhase
{
    NotYetOpen,
    Open,
    Closed,
}

public static class RegistrationWindow
{
    public static RegistrationPhase PhaseAt(RegistrationSetup setup, DateTimeOffset now) =>
        now < setup.OpensAt ? RegistrationPhase.NotYetOpen : now < setup.ClosesAt ? RegistrationPhase.Open : RegistrationPhase.Closed;

    /// <summary>"Registration open until 15 March 2027", "Registration opens on 1 February 2027" or "Registration closed on …", in the workshop's zone.</summary>
    public static string Describe(RegistrationSetup setup, DateTimeOffset now)
    {
        var zone = WorkshopTime.Zone(setup.TimeZoneId);
        return PhaseAt(setup, now) switch
        {
            RegistrationPhase.NotYetOpen => Tr.T("Registration opens on {0}", Formats.Date(WorkshopTime.ToLocal(setup.OpensAt, zone))),
            RegistrationPhase.Open => Tr.T("Registration open until {0}", Formats.Date(WorkshopTime.ToLocal(setup.ClosesAt, zone))),
            _ => Tr.T("Registration closed on {0}", Formats.Date(WorkshopTime.ToLocal(setup.ClosesAt, zone))),
        };
    }
}
