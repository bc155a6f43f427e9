using Workshops.Core.Domain.Community.Projects;
using Workshops.Core.Localization;

namespace Workshops.Web.Features.Projects;

public static class ProjectStatuses
{
    public static readonly ProjectStatus[] All = Enum.GetValues<ProjectStatus>();

    public static string Label(this ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => Tr.T("project|Planned"),
        ProjectStatus.Active => Tr.T("project|Under way"),
        _ => Tr.T("project|Closed"),
    };
}
