using Workshops.Core.Localization;

namespace Workshops.Core.Privacy;

/// <summary>The kinds of personal data that organisers erase from a workshop, or that the daily job erases when their time is up.</summary>
public enum PersonalDataKind
{
    Answers,
    Nationalities,
    CheckIns,
    EmailLogs,
    ParticipantList,
    EmailBodies,
    SecurityLog,
}

public static class PersonalDataKinds
{
    /// <summary>What organisers erase from one workshop, in the order the Data page lists them.</summary>
    public static readonly PersonalDataKind[] OfWorkshop =
        [PersonalDataKind.Answers, PersonalDataKind.Nationalities, PersonalDataKind.CheckIns, PersonalDataKind.EmailLogs, PersonalDataKind.ParticipantList];

    public static string Label(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Answers => Tr.T("Answers to questions"),
        PersonalDataKind.Nationalities => Tr.T("Nationalities and visa letters"),
        PersonalDataKind.CheckIns => Tr.T("Check-in times"),
        PersonalDataKind.EmailLogs => Tr.T("Email logs"),
        PersonalDataKind.ParticipantList => Tr.T("Participant list"),
        PersonalDataKind.EmailBodies => Tr.T("Texts of sent emails"),
        PersonalDataKind.SecurityLog => Tr.T("Security log entries"),
        _ => kind.ToString(),
    };

    /// <summary>What erasing one of a workshop's kinds removes, and what stays, for the page that asks to confirm.</summary>
    public static string Effect(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Answers => Tr.T("The answers each participant gave to the registration questions are deleted, and those to the travel support questions once the application is decided."),
        PersonalDataKind.Nationalities => Tr.T("Passport nationalities and requests for invitation letters are deleted, with the attendee packs that hold the letters."),
        PersonalDataKind.CheckIns => Tr.T("The times people were checked in are deleted; who came still counts as checked in."),
        PersonalDataKind.EmailLogs => Tr.T("The record of emails sent to the participants (addresses, subjects and texts) is deleted."),
        PersonalDataKind.ParticipantList => Tr.T("Names, addresses, institutions and roles are deleted, with the attendee packs: each registration becomes a \"Deleted participant\" and leaves its account. Travel support keeps its amounts without who asked for them, why, or their answers."),
        _ => "",
    };
}
