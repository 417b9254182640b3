/* sys/ddi.h: the SVR4 DDI/DKI function forms of the device-number macros (written for the tests). */
#ifndef _SYS_DDI_H
#define _SYS_DDI_H

#include "sys/types.h"

extern major_t getmajor();  /* (dev) */
extern minor_t getminor();  /* (dev) */
extern dev_t makedevice();  /* (major, minor) */

#endif /* _SYS_DDI_H */
