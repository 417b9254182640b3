/* sys/file.h: the open mode bits a driver's entry points get (SVR4 values; written for the tests). */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#define FOPEN 0xffffffff
#define FREAD 0x01
#define FWRITE 0x02
#define FNDELAY 0x04
#define FAPPEND 0x08
#define FSYNC 0x10
#define FNONBLOCK 0x80

#endif /* _SYS_FILE_H */
