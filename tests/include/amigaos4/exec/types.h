/*
 * exec/types.h: the subset of the AmigaOS 4.1 SDK's <exec/types.h> that DriverCompiler's
 * output uses, with the SDK's names, written for the tests (the SDK is not redistributable).
 * The SDK spells the 32-bit types with long; int keeps them 32-bit on the 64-bit host the
 * test suite also compiles the amigaos4 dialect for. Sizes match the SDK on PowerPC.
 */
#ifndef EXEC_TYPES_H
#define EXEC_TYPES_H

typedef unsigned char uint8;
typedef signed char int8;
typedef unsigned short uint16;
typedef signed short int16;
typedef unsigned int uint32;
typedef signed int int32;
typedef unsigned long long uint64;
typedef signed long long int64;

typedef void *APTR;
typedef const void *CONST_APTR;
typedef char *STRPTR;
typedef const char *CONST_STRPTR;
typedef int16 BOOL;

/* The classic names (AmigaOS 3 style), still used by most SDK structures. */
typedef uint32 ULONG;
typedef int32 LONG;
typedef uint16 UWORD;
typedef int16 WORD;
typedef uint8 UBYTE;
typedef int8 BYTE;
typedef char TEXT;
typedef int32 BPTR; /* a BCPL pointer: address / 4 */

#ifndef VOID
#define VOID void
#endif
#ifndef CONST
#define CONST const
#endif

#define TRUE 1
#define FALSE 0
#ifndef NULL
#define NULL ((void *)0)
#endif

#endif /* EXEC_TYPES_H */
