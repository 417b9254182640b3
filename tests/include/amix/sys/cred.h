/* sys/cred.h: user credentials (SVR4.0 names and layout; written for the tests). */
#ifndef _SYS_CRED_H
#define _SYS_CRED_H

#include "sys/types.h"

typedef struct cred {
	ushort cr_ref;
	ushort cr_ngroups;
	uid_t cr_uid;
	gid_t cr_gid;
	uid_t cr_ruid;
	gid_t cr_rgid;
	uid_t cr_suid;
	gid_t cr_sgid;
	gid_t cr_groups[1];
} cred_t;

#endif /* _SYS_CRED_H */
