# -DPYFLAGS_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on everything we build.
if(PYFLAGS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
