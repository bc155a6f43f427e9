using Workshops.Core.Domain.Community;
using Workshops.Core.Localization;

namespace Workshops.Web.Features.Community;

public static class MembershipStatuses
{
    public static string Label(this MembershipStatus status) => status switch
    {
        MembershipStatus.Requested => Tr.T("link|Asked"),
        MembershipStatus.Approved => Tr.T("link|Linked"),
        _ => Tr.T("link|Declined"),
    };
}
