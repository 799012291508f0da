// The checker's public API in one include.
#pragma once

#include "mc/assert.h"
#include "mc/atomic.h"
#include "mc/check.h"
#include "mc/condition_variable.h"
#include "mc/memory_order.h"
#include "mc/mutex.h"
#include "mc/report.h"
#include "mc/semaphore.h"
#include "mc/thread.h"
#include "mc/var.h"
