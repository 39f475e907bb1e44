;; hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
(module
 (type $0 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $1 (func (param i32 i32 i32 i32 i32)))
 (type $2 (func (param i32 i32 i32 i32)))
 (type $3 (func (param i32 i32 i32 i32 i32 i32 i32)))
 (import "env" "memory" (memory $0 1 65536))
 (export "mm_qkv" (func $mm_qkv))
 (export "mm_o" (func $mm_o))
 (export "mm_f1" (func $mm_f1))
 (export "mm_f2" (func $mm_f2))
 (export "mm_pool" (func $mm_pool))
 (export "ln_emb" (func $ln_emb))
 (export "ln1" (func $ln1))
 (export "ln2" (func $ln2))
 (export "gather_kt" (func $gather_kt))
 (export "attend" (func $attend))
 (func $mm_qkv (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 i32)
  (local $34 i32)
  (local $35 i32)
  (local $36 i32)
  (local $37 i32)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 i32)
  (local $44 i32)
  (local $45 i32)
  (local $46 i32)
  (local $47 i32)
  (block $done5
   (local.set $8
    (local.get $6)
   )
   (br_if $done5
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop6
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 4288)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 5056)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (block
     (block $done1
      (local.set $9
       (local.get $4)
      )
      (br_if $done1
       (i32.ge_s
        (local.get $9)
        (i32.add
         (i32.const -2)
         (local.get $5)
        )
       )
      )
      (loop $loop2
       (block
        (local.set $12
         (v128.load
          (local.get $11)
         )
        )
        (local.set $13
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $14
         (v128.load
          (local.get $11)
         )
        )
        (local.set $15
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $16
         (v128.load
          (local.get $11)
         )
        )
        (local.set $17
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $21
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $23
         (i32.add
          (local.get $21)
          (i32.const 32)
         )
        )
        (local.set $22
         (local.get $10)
        )
        (loop $k0
         (local.set $18
          (v128.load
           (local.get $22)
          )
         )
         (local.set $19
          (v128.load offset=16
           (local.get $22)
          )
         )
         (local.set $20
          (v128.load32_splat
           (local.get $21)
          )
         )
         (local.set $12
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $12)
          )
         )
         (local.set $13
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $13)
          )
         )
         (local.set $20
          (v128.load32_splat offset=32
           (local.get $21)
          )
         )
         (local.set $14
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $14)
          )
         )
         (local.set $15
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $15)
          )
         )
         (local.set $20
          (v128.load32_splat offset=64
           (local.get $21)
          )
         )
         (local.set $16
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $16)
          )
         )
         (local.set $17
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $17)
          )
         )
         (local.set $22
          (i32.add
           (local.get $22)
           (i32.const 32)
          )
         )
         (local.set $21
          (i32.add
           (local.get $21)
           (i32.const 4)
          )
         )
         (br_if $k0
          (i32.lt_u
           (local.get $21)
           (local.get $23)
          )
         )
        )
        (local.set $24
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 96)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $24)
         (local.get $12)
        )
        (v128.store offset=16
         (local.get $24)
         (local.get $13)
        )
        (v128.store offset=96
         (local.get $24)
         (local.get $14)
        )
        (v128.store offset=112
         (local.get $24)
         (local.get $15)
        )
        (v128.store offset=192
         (local.get $24)
         (local.get $16)
        )
        (v128.store offset=208
         (local.get $24)
         (local.get $17)
        )
       )
       (local.set $9
        (i32.add
         (local.get $9)
         (i32.const 3)
        )
       )
       (br_if $loop2
        (i32.lt_s
         (local.get $9)
         (i32.add
          (i32.const -2)
          (local.get $5)
         )
        )
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 2)
      )
      (then
       (local.set $26
        (v128.load
         (local.get $11)
        )
       )
       (local.set $27
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $28
        (v128.load
         (local.get $11)
        )
       )
       (local.set $29
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $33
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $35
        (i32.add
         (local.get $33)
         (i32.const 32)
        )
       )
       (local.set $34
        (local.get $10)
       )
       (loop $k3
        (local.set $30
         (v128.load
          (local.get $34)
         )
        )
        (local.set $31
         (v128.load offset=16
          (local.get $34)
         )
        )
        (local.set $32
         (v128.load32_splat
          (local.get $33)
         )
        )
        (local.set $26
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $30)
          (local.get $26)
         )
        )
        (local.set $27
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $31)
          (local.get $27)
         )
        )
        (local.set $32
         (v128.load32_splat offset=32
          (local.get $33)
         )
        )
        (local.set $28
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $30)
          (local.get $28)
         )
        )
        (local.set $29
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $31)
          (local.get $29)
         )
        )
        (local.set $34
         (i32.add
          (local.get $34)
          (i32.const 32)
         )
        )
        (local.set $33
         (i32.add
          (local.get $33)
          (i32.const 4)
         )
        )
        (br_if $k3
         (i32.lt_u
          (local.get $33)
          (local.get $35)
         )
        )
       )
       (local.set $36
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 96)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (v128.store
        (local.get $36)
        (local.get $26)
       )
       (v128.store offset=16
        (local.get $36)
        (local.get $27)
       )
       (v128.store offset=96
        (local.get $36)
        (local.get $28)
       )
       (v128.store offset=112
        (local.get $36)
        (local.get $29)
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 1)
      )
      (then
       (local.set $38
        (v128.load
         (local.get $11)
        )
       )
       (local.set $39
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $43
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $45
        (i32.add
         (local.get $43)
         (i32.const 32)
        )
       )
       (local.set $44
        (local.get $10)
       )
       (loop $k4
        (local.set $40
         (v128.load
          (local.get $44)
         )
        )
        (local.set $41
         (v128.load offset=16
          (local.get $44)
         )
        )
        (local.set $42
         (v128.load32_splat
          (local.get $43)
         )
        )
        (local.set $38
         (f32x4.relaxed_madd
          (local.get $42)
          (local.get $40)
          (local.get $38)
         )
        )
        (local.set $39
         (f32x4.relaxed_madd
          (local.get $42)
          (local.get $41)
          (local.get $39)
         )
        )
        (local.set $44
         (i32.add
          (local.get $44)
          (i32.const 32)
         )
        )
        (local.set $43
         (i32.add
          (local.get $43)
          (i32.const 4)
         )
        )
        (br_if $k4
         (i32.lt_u
          (local.get $43)
          (local.get $45)
         )
        )
       )
       (local.set $46
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 96)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (v128.store
        (local.get $46)
        (local.get $38)
       )
       (v128.store offset=16
        (local.get $46)
        (local.get $39)
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop6
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $mm_o (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 i32)
  (local $34 i32)
  (local $35 i32)
  (local $36 i32)
  (local $37 i32)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 i32)
  (local $44 i32)
  (local $45 i32)
  (local $46 i32)
  (local $47 i32)
  (block $done5
   (local.set $8
    (local.get $6)
   )
   (br_if $done5
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop6
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 5184)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 5440)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (block
     (block $done1
      (local.set $9
       (local.get $4)
      )
      (br_if $done1
       (i32.ge_s
        (local.get $9)
        (i32.add
         (i32.const -2)
         (local.get $5)
        )
       )
      )
      (loop $loop2
       (block
        (local.set $12
         (v128.load
          (local.get $11)
         )
        )
        (local.set $13
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $14
         (v128.load
          (local.get $11)
         )
        )
        (local.set $15
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $16
         (v128.load
          (local.get $11)
         )
        )
        (local.set $17
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $21
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $23
         (i32.add
          (local.get $21)
          (i32.const 32)
         )
        )
        (local.set $22
         (local.get $10)
        )
        (loop $k0
         (local.set $18
          (v128.load
           (local.get $22)
          )
         )
         (local.set $19
          (v128.load offset=16
           (local.get $22)
          )
         )
         (local.set $20
          (v128.load32_splat
           (local.get $21)
          )
         )
         (local.set $12
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $12)
          )
         )
         (local.set $13
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $13)
          )
         )
         (local.set $20
          (v128.load32_splat offset=32
           (local.get $21)
          )
         )
         (local.set $14
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $14)
          )
         )
         (local.set $15
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $15)
          )
         )
         (local.set $20
          (v128.load32_splat offset=64
           (local.get $21)
          )
         )
         (local.set $16
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $16)
          )
         )
         (local.set $17
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $17)
          )
         )
         (local.set $22
          (i32.add
           (local.get $22)
           (i32.const 32)
          )
         )
         (local.set $21
          (i32.add
           (local.get $21)
           (i32.const 4)
          )
         )
         (br_if $k0
          (i32.lt_u
           (local.get $21)
           (local.get $23)
          )
         )
        )
        (local.set $24
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $25
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $12
         (f32x4.add
          (local.get $12)
          (v128.load
           (local.get $25)
          )
         )
        )
        (v128.store
         (local.get $24)
         (local.get $12)
        )
        (local.set $13
         (f32x4.add
          (local.get $13)
          (v128.load offset=16
           (local.get $25)
          )
         )
        )
        (v128.store offset=16
         (local.get $24)
         (local.get $13)
        )
        (local.set $14
         (f32x4.add
          (local.get $14)
          (v128.load offset=32
           (local.get $25)
          )
         )
        )
        (v128.store offset=32
         (local.get $24)
         (local.get $14)
        )
        (local.set $15
         (f32x4.add
          (local.get $15)
          (v128.load offset=48
           (local.get $25)
          )
         )
        )
        (v128.store offset=48
         (local.get $24)
         (local.get $15)
        )
        (local.set $16
         (f32x4.add
          (local.get $16)
          (v128.load offset=64
           (local.get $25)
          )
         )
        )
        (v128.store offset=64
         (local.get $24)
         (local.get $16)
        )
        (local.set $17
         (f32x4.add
          (local.get $17)
          (v128.load offset=80
           (local.get $25)
          )
         )
        )
        (v128.store offset=80
         (local.get $24)
         (local.get $17)
        )
       )
       (local.set $9
        (i32.add
         (local.get $9)
         (i32.const 3)
        )
       )
       (br_if $loop2
        (i32.lt_s
         (local.get $9)
         (i32.add
          (i32.const -2)
          (local.get $5)
         )
        )
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 2)
      )
      (then
       (local.set $26
        (v128.load
         (local.get $11)
        )
       )
       (local.set $27
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $28
        (v128.load
         (local.get $11)
        )
       )
       (local.set $29
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $33
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $35
        (i32.add
         (local.get $33)
         (i32.const 32)
        )
       )
       (local.set $34
        (local.get $10)
       )
       (loop $k3
        (local.set $30
         (v128.load
          (local.get $34)
         )
        )
        (local.set $31
         (v128.load offset=16
          (local.get $34)
         )
        )
        (local.set $32
         (v128.load32_splat
          (local.get $33)
         )
        )
        (local.set $26
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $30)
          (local.get $26)
         )
        )
        (local.set $27
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $31)
          (local.get $27)
         )
        )
        (local.set $32
         (v128.load32_splat offset=32
          (local.get $33)
         )
        )
        (local.set $28
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $30)
          (local.get $28)
         )
        )
        (local.set $29
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $31)
          (local.get $29)
         )
        )
        (local.set $34
         (i32.add
          (local.get $34)
          (i32.const 32)
         )
        )
        (local.set $33
         (i32.add
          (local.get $33)
          (i32.const 4)
         )
        )
        (br_if $k3
         (i32.lt_u
          (local.get $33)
          (local.get $35)
         )
        )
       )
       (local.set $36
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $37
        (i32.add
         (i32.add
          (local.get $3)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $26
        (f32x4.add
         (local.get $26)
         (v128.load
          (local.get $37)
         )
        )
       )
       (v128.store
        (local.get $36)
        (local.get $26)
       )
       (local.set $27
        (f32x4.add
         (local.get $27)
         (v128.load offset=16
          (local.get $37)
         )
        )
       )
       (v128.store offset=16
        (local.get $36)
        (local.get $27)
       )
       (local.set $28
        (f32x4.add
         (local.get $28)
         (v128.load offset=32
          (local.get $37)
         )
        )
       )
       (v128.store offset=32
        (local.get $36)
        (local.get $28)
       )
       (local.set $29
        (f32x4.add
         (local.get $29)
         (v128.load offset=48
          (local.get $37)
         )
        )
       )
       (v128.store offset=48
        (local.get $36)
        (local.get $29)
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 1)
      )
      (then
       (local.set $38
        (v128.load
         (local.get $11)
        )
       )
       (local.set $39
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $43
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $45
        (i32.add
         (local.get $43)
         (i32.const 32)
        )
       )
       (local.set $44
        (local.get $10)
       )
       (loop $k4
        (local.set $40
         (v128.load
          (local.get $44)
         )
        )
        (local.set $41
         (v128.load offset=16
          (local.get $44)
         )
        )
        (local.set $42
         (v128.load32_splat
          (local.get $43)
         )
        )
        (local.set $38
         (f32x4.relaxed_madd
          (local.get $42)
          (local.get $40)
          (local.get $38)
         )
        )
        (local.set $39
         (f32x4.relaxed_madd
          (local.get $42)
          (local.get $41)
          (local.get $39)
         )
        )
        (local.set $44
         (i32.add
          (local.get $44)
          (i32.const 32)
         )
        )
        (local.set $43
         (i32.add
          (local.get $43)
          (i32.const 4)
         )
        )
        (br_if $k4
         (i32.lt_u
          (local.get $43)
          (local.get $45)
         )
        )
       )
       (local.set $46
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $47
        (i32.add
         (i32.add
          (local.get $3)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $38
        (f32x4.add
         (local.get $38)
         (v128.load
          (local.get $47)
         )
        )
       )
       (v128.store
        (local.get $46)
        (local.get $38)
       )
       (local.set $39
        (f32x4.add
         (local.get $39)
         (v128.load offset=16
          (local.get $47)
         )
        )
       )
       (v128.store offset=16
        (local.get $46)
        (local.get $39)
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop6
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $mm_f1 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 i32)
  (local $37 i32)
  (local $38 i32)
  (local $39 i32)
  (local $40 i32)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 i32)
  (local $47 i32)
  (local $48 i32)
  (local $49 i32)
  (local $50 i32)
  (block $done5
   (local.set $8
    (local.get $6)
   )
   (br_if $done5
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop6
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 5632)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 6144)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (block
     (block $done1
      (local.set $9
       (local.get $4)
      )
      (br_if $done1
       (i32.ge_s
        (local.get $9)
        (i32.add
         (i32.const -2)
         (local.get $5)
        )
       )
      )
      (loop $loop2
       (block
        (local.set $12
         (v128.load
          (local.get $11)
         )
        )
        (local.set $13
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $14
         (v128.load
          (local.get $11)
         )
        )
        (local.set $15
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $16
         (v128.load
          (local.get $11)
         )
        )
        (local.set $17
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $21
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $23
         (i32.add
          (local.get $21)
          (i32.const 32)
         )
        )
        (local.set $22
         (local.get $10)
        )
        (loop $k0
         (local.set $18
          (v128.load
           (local.get $22)
          )
         )
         (local.set $19
          (v128.load offset=16
           (local.get $22)
          )
         )
         (local.set $20
          (v128.load32_splat
           (local.get $21)
          )
         )
         (local.set $12
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $12)
          )
         )
         (local.set $13
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $13)
          )
         )
         (local.set $20
          (v128.load32_splat offset=32
           (local.get $21)
          )
         )
         (local.set $14
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $14)
          )
         )
         (local.set $15
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $15)
          )
         )
         (local.set $20
          (v128.load32_splat offset=64
           (local.get $21)
          )
         )
         (local.set $16
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $16)
          )
         )
         (local.set $17
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $17)
          )
         )
         (local.set $22
          (i32.add
           (local.get $22)
           (i32.const 32)
          )
         )
         (local.set $21
          (i32.add
           (local.get $21)
           (i32.const 4)
          )
         )
         (br_if $k0
          (i32.lt_u
           (local.get $21)
           (local.get $23)
          )
         )
        )
        (local.set $24
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 64)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (block
         (local.set $26
          (local.get $12)
         )
         (local.set $12
          (f32x4.mul
           (local.get $12)
           (f32x4.splat
            (f32.const 0.7071067690849304)
           )
          )
         )
         (block
          (local.set $12
           (f32x4.max
            (f32x4.min
             (local.get $12)
             (f32x4.splat
              (f32.const 4)
             )
            )
            (f32x4.splat
             (f32.const -4)
            )
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $12)
            (local.get $12)
           )
          )
          (local.set $28
           (f32x4.mul
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.splat
                   (f32.const -2.726142367404094e-10)
                  )
                  (local.get $27)
                  (f32x4.splat
                   (f32.const 2.7706814620387377e-08)
                  )
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const -2.101023937939317e-06)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -5.692506238119677e-05)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -7.349906372837722e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -2.9545999132096767e-03)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.01609603315591812)
             )
            )
            (local.get $12)
           )
          )
          (local.set $12
           (f32x4.div
            (local.get $28)
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const -1.4566071513399947e-05)
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.1337404905352741e-04)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -0.001682827016338706)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.007373329252004623)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.014264739118516445)
             )
            )
           )
          )
         )
         (local.set $12
          (f32x4.mul
           (f32x4.mul
            (local.get $26)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (f32x4.add
            (local.get $12)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
        (v128.store
         (local.get $24)
         (local.get $12)
        )
        (block
         (local.set $26
          (local.get $13)
         )
         (local.set $13
          (f32x4.mul
           (local.get $13)
           (f32x4.splat
            (f32.const 0.7071067690849304)
           )
          )
         )
         (block
          (local.set $13
           (f32x4.max
            (f32x4.min
             (local.get $13)
             (f32x4.splat
              (f32.const 4)
             )
            )
            (f32x4.splat
             (f32.const -4)
            )
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $13)
            (local.get $13)
           )
          )
          (local.set $28
           (f32x4.mul
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.splat
                   (f32.const -2.726142367404094e-10)
                  )
                  (local.get $27)
                  (f32x4.splat
                   (f32.const 2.7706814620387377e-08)
                  )
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const -2.101023937939317e-06)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -5.692506238119677e-05)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -7.349906372837722e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -2.9545999132096767e-03)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.01609603315591812)
             )
            )
            (local.get $13)
           )
          )
          (local.set $13
           (f32x4.div
            (local.get $28)
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const -1.4566071513399947e-05)
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.1337404905352741e-04)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -0.001682827016338706)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.007373329252004623)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.014264739118516445)
             )
            )
           )
          )
         )
         (local.set $13
          (f32x4.mul
           (f32x4.mul
            (local.get $26)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (f32x4.add
            (local.get $13)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
        (v128.store offset=16
         (local.get $24)
         (local.get $13)
        )
        (block
         (local.set $26
          (local.get $14)
         )
         (local.set $14
          (f32x4.mul
           (local.get $14)
           (f32x4.splat
            (f32.const 0.7071067690849304)
           )
          )
         )
         (block
          (local.set $14
           (f32x4.max
            (f32x4.min
             (local.get $14)
             (f32x4.splat
              (f32.const 4)
             )
            )
            (f32x4.splat
             (f32.const -4)
            )
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $14)
            (local.get $14)
           )
          )
          (local.set $28
           (f32x4.mul
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.splat
                   (f32.const -2.726142367404094e-10)
                  )
                  (local.get $27)
                  (f32x4.splat
                   (f32.const 2.7706814620387377e-08)
                  )
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const -2.101023937939317e-06)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -5.692506238119677e-05)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -7.349906372837722e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -2.9545999132096767e-03)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.01609603315591812)
             )
            )
            (local.get $14)
           )
          )
          (local.set $14
           (f32x4.div
            (local.get $28)
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const -1.4566071513399947e-05)
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.1337404905352741e-04)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -0.001682827016338706)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.007373329252004623)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.014264739118516445)
             )
            )
           )
          )
         )
         (local.set $14
          (f32x4.mul
           (f32x4.mul
            (local.get $26)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (f32x4.add
            (local.get $14)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
        (v128.store offset=64
         (local.get $24)
         (local.get $14)
        )
        (block
         (local.set $26
          (local.get $15)
         )
         (local.set $15
          (f32x4.mul
           (local.get $15)
           (f32x4.splat
            (f32.const 0.7071067690849304)
           )
          )
         )
         (block
          (local.set $15
           (f32x4.max
            (f32x4.min
             (local.get $15)
             (f32x4.splat
              (f32.const 4)
             )
            )
            (f32x4.splat
             (f32.const -4)
            )
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $15)
            (local.get $15)
           )
          )
          (local.set $28
           (f32x4.mul
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.splat
                   (f32.const -2.726142367404094e-10)
                  )
                  (local.get $27)
                  (f32x4.splat
                   (f32.const 2.7706814620387377e-08)
                  )
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const -2.101023937939317e-06)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -5.692506238119677e-05)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -7.349906372837722e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -2.9545999132096767e-03)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.01609603315591812)
             )
            )
            (local.get $15)
           )
          )
          (local.set $15
           (f32x4.div
            (local.get $28)
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const -1.4566071513399947e-05)
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.1337404905352741e-04)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -0.001682827016338706)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.007373329252004623)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.014264739118516445)
             )
            )
           )
          )
         )
         (local.set $15
          (f32x4.mul
           (f32x4.mul
            (local.get $26)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (f32x4.add
            (local.get $15)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
        (v128.store offset=80
         (local.get $24)
         (local.get $15)
        )
        (block
         (local.set $26
          (local.get $16)
         )
         (local.set $16
          (f32x4.mul
           (local.get $16)
           (f32x4.splat
            (f32.const 0.7071067690849304)
           )
          )
         )
         (block
          (local.set $16
           (f32x4.max
            (f32x4.min
             (local.get $16)
             (f32x4.splat
              (f32.const 4)
             )
            )
            (f32x4.splat
             (f32.const -4)
            )
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $16)
            (local.get $16)
           )
          )
          (local.set $28
           (f32x4.mul
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.splat
                   (f32.const -2.726142367404094e-10)
                  )
                  (local.get $27)
                  (f32x4.splat
                   (f32.const 2.7706814620387377e-08)
                  )
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const -2.101023937939317e-06)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -5.692506238119677e-05)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -7.349906372837722e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -2.9545999132096767e-03)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.01609603315591812)
             )
            )
            (local.get $16)
           )
          )
          (local.set $16
           (f32x4.div
            (local.get $28)
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const -1.4566071513399947e-05)
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.1337404905352741e-04)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -0.001682827016338706)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.007373329252004623)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.014264739118516445)
             )
            )
           )
          )
         )
         (local.set $16
          (f32x4.mul
           (f32x4.mul
            (local.get $26)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (f32x4.add
            (local.get $16)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
        (v128.store offset=128
         (local.get $24)
         (local.get $16)
        )
        (block
         (local.set $26
          (local.get $17)
         )
         (local.set $17
          (f32x4.mul
           (local.get $17)
           (f32x4.splat
            (f32.const 0.7071067690849304)
           )
          )
         )
         (block
          (local.set $17
           (f32x4.max
            (f32x4.min
             (local.get $17)
             (f32x4.splat
              (f32.const 4)
             )
            )
            (f32x4.splat
             (f32.const -4)
            )
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $17)
            (local.get $17)
           )
          )
          (local.set $28
           (f32x4.mul
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.splat
                   (f32.const -2.726142367404094e-10)
                  )
                  (local.get $27)
                  (f32x4.splat
                   (f32.const 2.7706814620387377e-08)
                  )
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const -2.101023937939317e-06)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -5.692506238119677e-05)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -7.349906372837722e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -2.9545999132096767e-03)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.01609603315591812)
             )
            )
            (local.get $17)
           )
          )
          (local.set $17
           (f32x4.div
            (local.get $28)
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const -1.4566071513399947e-05)
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.1337404905352741e-04)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -0.001682827016338706)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.007373329252004623)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.014264739118516445)
             )
            )
           )
          )
         )
         (local.set $17
          (f32x4.mul
           (f32x4.mul
            (local.get $26)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (f32x4.add
            (local.get $17)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
        (v128.store offset=144
         (local.get $24)
         (local.get $17)
        )
       )
       (local.set $9
        (i32.add
         (local.get $9)
         (i32.const 3)
        )
       )
       (br_if $loop2
        (i32.lt_s
         (local.get $9)
         (i32.add
          (i32.const -2)
          (local.get $5)
         )
        )
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 2)
      )
      (then
       (local.set $29
        (v128.load
         (local.get $11)
        )
       )
       (local.set $30
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $31
        (v128.load
         (local.get $11)
        )
       )
       (local.set $32
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $36
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $38
        (i32.add
         (local.get $36)
         (i32.const 32)
        )
       )
       (local.set $37
        (local.get $10)
       )
       (loop $k3
        (local.set $33
         (v128.load
          (local.get $37)
         )
        )
        (local.set $34
         (v128.load offset=16
          (local.get $37)
         )
        )
        (local.set $35
         (v128.load32_splat
          (local.get $36)
         )
        )
        (local.set $29
         (f32x4.relaxed_madd
          (local.get $35)
          (local.get $33)
          (local.get $29)
         )
        )
        (local.set $30
         (f32x4.relaxed_madd
          (local.get $35)
          (local.get $34)
          (local.get $30)
         )
        )
        (local.set $35
         (v128.load32_splat offset=32
          (local.get $36)
         )
        )
        (local.set $31
         (f32x4.relaxed_madd
          (local.get $35)
          (local.get $33)
          (local.get $31)
         )
        )
        (local.set $32
         (f32x4.relaxed_madd
          (local.get $35)
          (local.get $34)
          (local.get $32)
         )
        )
        (local.set $37
         (i32.add
          (local.get $37)
          (i32.const 32)
         )
        )
        (local.set $36
         (i32.add
          (local.get $36)
          (i32.const 4)
         )
        )
        (br_if $k3
         (i32.lt_u
          (local.get $36)
          (local.get $38)
         )
        )
       )
       (local.set $39
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (block
        (local.set $26
         (local.get $29)
        )
        (local.set $29
         (f32x4.mul
          (local.get $29)
          (f32x4.splat
           (f32.const 0.7071067690849304)
          )
         )
        )
        (block
         (local.set $29
          (f32x4.max
           (f32x4.min
            (local.get $29)
            (f32x4.splat
             (f32.const 4)
            )
           )
           (f32x4.splat
            (f32.const -4)
           )
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $29)
           (local.get $29)
          )
         )
         (local.set $28
          (f32x4.mul
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const -2.726142367404094e-10)
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const 2.7706814620387377e-08)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.101023937939317e-06)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -5.692506238119677e-05)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -7.349906372837722e-04)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -2.9545999132096767e-03)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.01609603315591812)
            )
           )
           (local.get $29)
          )
         )
         (local.set $29
          (f32x4.div
           (local.get $28)
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.splat
                (f32.const -1.4566071513399947e-05)
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -2.1337404905352741e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.001682827016338706)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.007373329252004623)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.014264739118516445)
            )
           )
          )
         )
        )
        (local.set $29
         (f32x4.mul
          (f32x4.mul
           (local.get $26)
           (f32x4.splat
            (f32.const 0.5)
           )
          )
          (f32x4.add
           (local.get $29)
           (f32x4.splat
            (f32.const 1)
           )
          )
         )
        )
       )
       (v128.store
        (local.get $39)
        (local.get $29)
       )
       (block
        (local.set $26
         (local.get $30)
        )
        (local.set $30
         (f32x4.mul
          (local.get $30)
          (f32x4.splat
           (f32.const 0.7071067690849304)
          )
         )
        )
        (block
         (local.set $30
          (f32x4.max
           (f32x4.min
            (local.get $30)
            (f32x4.splat
             (f32.const 4)
            )
           )
           (f32x4.splat
            (f32.const -4)
           )
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $30)
           (local.get $30)
          )
         )
         (local.set $28
          (f32x4.mul
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const -2.726142367404094e-10)
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const 2.7706814620387377e-08)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.101023937939317e-06)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -5.692506238119677e-05)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -7.349906372837722e-04)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -2.9545999132096767e-03)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.01609603315591812)
            )
           )
           (local.get $30)
          )
         )
         (local.set $30
          (f32x4.div
           (local.get $28)
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.splat
                (f32.const -1.4566071513399947e-05)
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -2.1337404905352741e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.001682827016338706)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.007373329252004623)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.014264739118516445)
            )
           )
          )
         )
        )
        (local.set $30
         (f32x4.mul
          (f32x4.mul
           (local.get $26)
           (f32x4.splat
            (f32.const 0.5)
           )
          )
          (f32x4.add
           (local.get $30)
           (f32x4.splat
            (f32.const 1)
           )
          )
         )
        )
       )
       (v128.store offset=16
        (local.get $39)
        (local.get $30)
       )
       (block
        (local.set $26
         (local.get $31)
        )
        (local.set $31
         (f32x4.mul
          (local.get $31)
          (f32x4.splat
           (f32.const 0.7071067690849304)
          )
         )
        )
        (block
         (local.set $31
          (f32x4.max
           (f32x4.min
            (local.get $31)
            (f32x4.splat
             (f32.const 4)
            )
           )
           (f32x4.splat
            (f32.const -4)
           )
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $31)
           (local.get $31)
          )
         )
         (local.set $28
          (f32x4.mul
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const -2.726142367404094e-10)
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const 2.7706814620387377e-08)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.101023937939317e-06)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -5.692506238119677e-05)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -7.349906372837722e-04)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -2.9545999132096767e-03)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.01609603315591812)
            )
           )
           (local.get $31)
          )
         )
         (local.set $31
          (f32x4.div
           (local.get $28)
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.splat
                (f32.const -1.4566071513399947e-05)
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -2.1337404905352741e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.001682827016338706)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.007373329252004623)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.014264739118516445)
            )
           )
          )
         )
        )
        (local.set $31
         (f32x4.mul
          (f32x4.mul
           (local.get $26)
           (f32x4.splat
            (f32.const 0.5)
           )
          )
          (f32x4.add
           (local.get $31)
           (f32x4.splat
            (f32.const 1)
           )
          )
         )
        )
       )
       (v128.store offset=64
        (local.get $39)
        (local.get $31)
       )
       (block
        (local.set $26
         (local.get $32)
        )
        (local.set $32
         (f32x4.mul
          (local.get $32)
          (f32x4.splat
           (f32.const 0.7071067690849304)
          )
         )
        )
        (block
         (local.set $32
          (f32x4.max
           (f32x4.min
            (local.get $32)
            (f32x4.splat
             (f32.const 4)
            )
           )
           (f32x4.splat
            (f32.const -4)
           )
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $32)
           (local.get $32)
          )
         )
         (local.set $28
          (f32x4.mul
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const -2.726142367404094e-10)
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const 2.7706814620387377e-08)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.101023937939317e-06)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -5.692506238119677e-05)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -7.349906372837722e-04)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -2.9545999132096767e-03)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.01609603315591812)
            )
           )
           (local.get $32)
          )
         )
         (local.set $32
          (f32x4.div
           (local.get $28)
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.splat
                (f32.const -1.4566071513399947e-05)
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -2.1337404905352741e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.001682827016338706)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.007373329252004623)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.014264739118516445)
            )
           )
          )
         )
        )
        (local.set $32
         (f32x4.mul
          (f32x4.mul
           (local.get $26)
           (f32x4.splat
            (f32.const 0.5)
           )
          )
          (f32x4.add
           (local.get $32)
           (f32x4.splat
            (f32.const 1)
           )
          )
         )
        )
       )
       (v128.store offset=80
        (local.get $39)
        (local.get $32)
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 1)
      )
      (then
       (local.set $41
        (v128.load
         (local.get $11)
        )
       )
       (local.set $42
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $46
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $48
        (i32.add
         (local.get $46)
         (i32.const 32)
        )
       )
       (local.set $47
        (local.get $10)
       )
       (loop $k4
        (local.set $43
         (v128.load
          (local.get $47)
         )
        )
        (local.set $44
         (v128.load offset=16
          (local.get $47)
         )
        )
        (local.set $45
         (v128.load32_splat
          (local.get $46)
         )
        )
        (local.set $41
         (f32x4.relaxed_madd
          (local.get $45)
          (local.get $43)
          (local.get $41)
         )
        )
        (local.set $42
         (f32x4.relaxed_madd
          (local.get $45)
          (local.get $44)
          (local.get $42)
         )
        )
        (local.set $47
         (i32.add
          (local.get $47)
          (i32.const 32)
         )
        )
        (local.set $46
         (i32.add
          (local.get $46)
          (i32.const 4)
         )
        )
        (br_if $k4
         (i32.lt_u
          (local.get $46)
          (local.get $48)
         )
        )
       )
       (local.set $49
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (block
        (local.set $26
         (local.get $41)
        )
        (local.set $41
         (f32x4.mul
          (local.get $41)
          (f32x4.splat
           (f32.const 0.7071067690849304)
          )
         )
        )
        (block
         (local.set $41
          (f32x4.max
           (f32x4.min
            (local.get $41)
            (f32x4.splat
             (f32.const 4)
            )
           )
           (f32x4.splat
            (f32.const -4)
           )
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $41)
           (local.get $41)
          )
         )
         (local.set $28
          (f32x4.mul
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const -2.726142367404094e-10)
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const 2.7706814620387377e-08)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.101023937939317e-06)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -5.692506238119677e-05)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -7.349906372837722e-04)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -2.9545999132096767e-03)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.01609603315591812)
            )
           )
           (local.get $41)
          )
         )
         (local.set $41
          (f32x4.div
           (local.get $28)
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.splat
                (f32.const -1.4566071513399947e-05)
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -2.1337404905352741e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.001682827016338706)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.007373329252004623)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.014264739118516445)
            )
           )
          )
         )
        )
        (local.set $41
         (f32x4.mul
          (f32x4.mul
           (local.get $26)
           (f32x4.splat
            (f32.const 0.5)
           )
          )
          (f32x4.add
           (local.get $41)
           (f32x4.splat
            (f32.const 1)
           )
          )
         )
        )
       )
       (v128.store
        (local.get $49)
        (local.get $41)
       )
       (block
        (local.set $26
         (local.get $42)
        )
        (local.set $42
         (f32x4.mul
          (local.get $42)
          (f32x4.splat
           (f32.const 0.7071067690849304)
          )
         )
        )
        (block
         (local.set $42
          (f32x4.max
           (f32x4.min
            (local.get $42)
            (f32x4.splat
             (f32.const 4)
            )
           )
           (f32x4.splat
            (f32.const -4)
           )
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $42)
           (local.get $42)
          )
         )
         (local.set $28
          (f32x4.mul
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const -2.726142367404094e-10)
                 )
                 (local.get $27)
                 (f32x4.splat
                  (f32.const 2.7706814620387377e-08)
                 )
                )
                (local.get $27)
                (f32x4.splat
                 (f32.const -2.101023937939317e-06)
                )
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -5.692506238119677e-05)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -7.349906372837722e-04)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -2.9545999132096767e-03)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.01609603315591812)
            )
           )
           (local.get $42)
          )
         )
         (local.set $42
          (f32x4.div
           (local.get $28)
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.splat
                (f32.const -1.4566071513399947e-05)
               )
               (local.get $27)
               (f32x4.splat
                (f32.const -2.1337404905352741e-04)
               )
              )
              (local.get $27)
              (f32x4.splat
               (f32.const -0.001682827016338706)
              )
             )
             (local.get $27)
             (f32x4.splat
              (f32.const -0.007373329252004623)
             )
            )
            (local.get $27)
            (f32x4.splat
             (f32.const -0.014264739118516445)
            )
           )
          )
         )
        )
        (local.set $42
         (f32x4.mul
          (f32x4.mul
           (local.get $26)
           (f32x4.splat
            (f32.const 0.5)
           )
          )
          (f32x4.add
           (local.get $42)
           (f32x4.splat
            (f32.const 1)
           )
          )
         )
        )
       )
       (v128.store offset=16
        (local.get $49)
        (local.get $42)
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop6
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $mm_f2 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 i32)
  (local $34 i32)
  (local $35 i32)
  (local $36 i32)
  (local $37 i32)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 i32)
  (local $44 i32)
  (local $45 i32)
  (local $46 i32)
  (local $47 i32)
  (block $done5
   (local.set $8
    (local.get $6)
   )
   (br_if $done5
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop6
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 6208)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 512)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 6720)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (block
     (block $done1
      (local.set $9
       (local.get $4)
      )
      (br_if $done1
       (i32.ge_s
        (local.get $9)
        (i32.add
         (i32.const -2)
         (local.get $5)
        )
       )
      )
      (loop $loop2
       (block
        (local.set $12
         (v128.load
          (local.get $11)
         )
        )
        (local.set $13
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $14
         (v128.load
          (local.get $11)
         )
        )
        (local.set $15
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $16
         (v128.load
          (local.get $11)
         )
        )
        (local.set $17
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $21
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
        )
        (local.set $23
         (i32.add
          (local.get $21)
          (i32.const 64)
         )
        )
        (local.set $22
         (local.get $10)
        )
        (loop $k0
         (local.set $18
          (v128.load
           (local.get $22)
          )
         )
         (local.set $19
          (v128.load offset=16
           (local.get $22)
          )
         )
         (local.set $20
          (v128.load32_splat
           (local.get $21)
          )
         )
         (local.set $12
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $12)
          )
         )
         (local.set $13
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $13)
          )
         )
         (local.set $20
          (v128.load32_splat offset=64
           (local.get $21)
          )
         )
         (local.set $14
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $14)
          )
         )
         (local.set $15
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $15)
          )
         )
         (local.set $20
          (v128.load32_splat offset=128
           (local.get $21)
          )
         )
         (local.set $16
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $16)
          )
         )
         (local.set $17
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $17)
          )
         )
         (local.set $22
          (i32.add
           (local.get $22)
           (i32.const 32)
          )
         )
         (local.set $21
          (i32.add
           (local.get $21)
           (i32.const 4)
          )
         )
         (br_if $k0
          (i32.lt_u
           (local.get $21)
           (local.get $23)
          )
         )
        )
        (local.set $24
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $25
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $12
         (f32x4.add
          (local.get $12)
          (v128.load
           (local.get $25)
          )
         )
        )
        (v128.store
         (local.get $24)
         (local.get $12)
        )
        (local.set $13
         (f32x4.add
          (local.get $13)
          (v128.load offset=16
           (local.get $25)
          )
         )
        )
        (v128.store offset=16
         (local.get $24)
         (local.get $13)
        )
        (local.set $14
         (f32x4.add
          (local.get $14)
          (v128.load offset=32
           (local.get $25)
          )
         )
        )
        (v128.store offset=32
         (local.get $24)
         (local.get $14)
        )
        (local.set $15
         (f32x4.add
          (local.get $15)
          (v128.load offset=48
           (local.get $25)
          )
         )
        )
        (v128.store offset=48
         (local.get $24)
         (local.get $15)
        )
        (local.set $16
         (f32x4.add
          (local.get $16)
          (v128.load offset=64
           (local.get $25)
          )
         )
        )
        (v128.store offset=64
         (local.get $24)
         (local.get $16)
        )
        (local.set $17
         (f32x4.add
          (local.get $17)
          (v128.load offset=80
           (local.get $25)
          )
         )
        )
        (v128.store offset=80
         (local.get $24)
         (local.get $17)
        )
       )
       (local.set $9
        (i32.add
         (local.get $9)
         (i32.const 3)
        )
       )
       (br_if $loop2
        (i32.lt_s
         (local.get $9)
         (i32.add
          (i32.const -2)
          (local.get $5)
         )
        )
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 2)
      )
      (then
       (local.set $26
        (v128.load
         (local.get $11)
        )
       )
       (local.set $27
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $28
        (v128.load
         (local.get $11)
        )
       )
       (local.set $29
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $33
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 64)
         )
        )
       )
       (local.set $35
        (i32.add
         (local.get $33)
         (i32.const 64)
        )
       )
       (local.set $34
        (local.get $10)
       )
       (loop $k3
        (local.set $30
         (v128.load
          (local.get $34)
         )
        )
        (local.set $31
         (v128.load offset=16
          (local.get $34)
         )
        )
        (local.set $32
         (v128.load32_splat
          (local.get $33)
         )
        )
        (local.set $26
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $30)
          (local.get $26)
         )
        )
        (local.set $27
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $31)
          (local.get $27)
         )
        )
        (local.set $32
         (v128.load32_splat offset=64
          (local.get $33)
         )
        )
        (local.set $28
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $30)
          (local.get $28)
         )
        )
        (local.set $29
         (f32x4.relaxed_madd
          (local.get $32)
          (local.get $31)
          (local.get $29)
         )
        )
        (local.set $34
         (i32.add
          (local.get $34)
          (i32.const 32)
         )
        )
        (local.set $33
         (i32.add
          (local.get $33)
          (i32.const 4)
         )
        )
        (br_if $k3
         (i32.lt_u
          (local.get $33)
          (local.get $35)
         )
        )
       )
       (local.set $36
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $37
        (i32.add
         (i32.add
          (local.get $3)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $26
        (f32x4.add
         (local.get $26)
         (v128.load
          (local.get $37)
         )
        )
       )
       (v128.store
        (local.get $36)
        (local.get $26)
       )
       (local.set $27
        (f32x4.add
         (local.get $27)
         (v128.load offset=16
          (local.get $37)
         )
        )
       )
       (v128.store offset=16
        (local.get $36)
        (local.get $27)
       )
       (local.set $28
        (f32x4.add
         (local.get $28)
         (v128.load offset=32
          (local.get $37)
         )
        )
       )
       (v128.store offset=32
        (local.get $36)
        (local.get $28)
       )
       (local.set $29
        (f32x4.add
         (local.get $29)
         (v128.load offset=48
          (local.get $37)
         )
        )
       )
       (v128.store offset=48
        (local.get $36)
        (local.get $29)
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 1)
      )
      (then
       (local.set $38
        (v128.load
         (local.get $11)
        )
       )
       (local.set $39
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $43
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 64)
         )
        )
       )
       (local.set $45
        (i32.add
         (local.get $43)
         (i32.const 64)
        )
       )
       (local.set $44
        (local.get $10)
       )
       (loop $k4
        (local.set $40
         (v128.load
          (local.get $44)
         )
        )
        (local.set $41
         (v128.load offset=16
          (local.get $44)
         )
        )
        (local.set $42
         (v128.load32_splat
          (local.get $43)
         )
        )
        (local.set $38
         (f32x4.relaxed_madd
          (local.get $42)
          (local.get $40)
          (local.get $38)
         )
        )
        (local.set $39
         (f32x4.relaxed_madd
          (local.get $42)
          (local.get $41)
          (local.get $39)
         )
        )
        (local.set $44
         (i32.add
          (local.get $44)
          (i32.const 32)
         )
        )
        (local.set $43
         (i32.add
          (local.get $43)
          (i32.const 4)
         )
        )
        (br_if $k4
         (i32.lt_u
          (local.get $43)
          (local.get $45)
         )
        )
       )
       (local.set $46
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $47
        (i32.add
         (i32.add
          (local.get $3)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $38
        (f32x4.add
         (local.get $38)
         (v128.load
          (local.get $47)
         )
        )
       )
       (v128.store
        (local.get $46)
        (local.get $38)
       )
       (local.set $39
        (f32x4.add
         (local.get $39)
         (v128.load offset=16
          (local.get $47)
         )
        )
       )
       (v128.store offset=16
        (local.get $46)
        (local.get $39)
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop6
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $mm_pool (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 i32)
  (local $38 i32)
  (local $39 i32)
  (local $40 i32)
  (local $41 i32)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 i32)
  (local $48 i32)
  (local $49 i32)
  (local $50 i32)
  (local $51 i32)
  (block $done5
   (local.set $8
    (local.get $6)
   )
   (br_if $done5
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop6
    (local.set $10
     (i32.add
      (i32.const 9536)
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.const 9792)
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (block
     (block $done1
      (local.set $9
       (local.get $4)
      )
      (br_if $done1
       (i32.ge_s
        (local.get $9)
        (i32.add
         (i32.const -2)
         (local.get $5)
        )
       )
      )
      (loop $loop2
       (block
        (local.set $12
         (v128.load
          (local.get $11)
         )
        )
        (local.set $13
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $14
         (v128.load
          (local.get $11)
         )
        )
        (local.set $15
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $16
         (v128.load
          (local.get $11)
         )
        )
        (local.set $17
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $21
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $23
         (i32.add
          (local.get $21)
          (i32.const 32)
         )
        )
        (local.set $22
         (local.get $10)
        )
        (loop $k0
         (local.set $18
          (v128.load
           (local.get $22)
          )
         )
         (local.set $19
          (v128.load offset=16
           (local.get $22)
          )
         )
         (local.set $20
          (v128.load32_splat
           (local.get $21)
          )
         )
         (local.set $12
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $12)
          )
         )
         (local.set $13
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $13)
          )
         )
         (local.set $20
          (v128.load32_splat offset=32
           (local.get $21)
          )
         )
         (local.set $14
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $14)
          )
         )
         (local.set $15
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $15)
          )
         )
         (local.set $20
          (v128.load32_splat offset=64
           (local.get $21)
          )
         )
         (local.set $16
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $18)
           (local.get $16)
          )
         )
         (local.set $17
          (f32x4.relaxed_madd
           (local.get $20)
           (local.get $19)
           (local.get $17)
          )
         )
         (local.set $22
          (i32.add
           (local.get $22)
           (i32.const 32)
          )
         )
         (local.set $21
          (i32.add
           (local.get $21)
           (i32.const 4)
          )
         )
         (br_if $k0
          (i32.lt_u
           (local.get $21)
           (local.get $23)
          )
         )
        )
        (local.set $24
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (block
         (local.set $12
          (f32x4.add
           (local.get $12)
           (local.get $12)
          )
         )
         (block
          (local.set $12
           (f32x4.max
            (f32x4.min
             (local.get $12)
             (f32x4.splat
              (f32.const 88)
             )
            )
            (f32x4.splat
             (f32.const -87.3365478515625)
            )
           )
          )
          (local.set $28
           (f32x4.nearest
            (f32x4.mul
             (local.get $12)
             (f32x4.splat
              (f32.const 1.4426950216293335)
             )
            )
           )
          )
          (local.set $12
           (f32x4.sub
            (local.get $12)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const 0.693359375)
             )
            )
           )
          )
          (local.set $12
           (f32x4.sub
            (local.get $12)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const -2.1219444170128554e-04)
             )
            )
           )
          )
          (local.set $29
           (f32x4.mul
            (local.get $12)
            (local.get $12)
           )
          )
          (local.set $27
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const 1.9875691214110702e-04)
                 )
                 (local.get $12)
                 (f32x4.splat
                  (f32.const 0.001398199936375022)
                 )
                )
                (local.get $12)
                (f32x4.splat
                 (f32.const 0.008333452045917511)
                )
               )
               (local.get $12)
               (f32x4.splat
                (f32.const 0.04166579619050026)
               )
              )
              (local.get $12)
              (f32x4.splat
               (f32.const 0.1666666567325592)
              )
             )
             (local.get $12)
             (f32x4.splat
              (f32.const 0.5)
             )
            )
            (local.get $29)
            (f32x4.add
             (local.get $12)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
          (local.set $28
           (i32x4.shl
            (i32x4.add
             (i32x4.trunc_sat_f32x4_s
              (local.get $28)
             )
             (i32x4.splat
              (i32.const 127)
             )
            )
            (i32.const 23)
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $27)
            (local.get $28)
           )
          )
         )
         (local.set $12
          (f32x4.sub
           (f32x4.splat
            (f32.const 1)
           )
           (f32x4.div
            (f32x4.splat
             (f32.const 2)
            )
            (f32x4.add
             (local.get $27)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
         )
        )
        (v128.store
         (local.get $24)
         (local.get $12)
        )
        (block
         (local.set $13
          (f32x4.add
           (local.get $13)
           (local.get $13)
          )
         )
         (block
          (local.set $13
           (f32x4.max
            (f32x4.min
             (local.get $13)
             (f32x4.splat
              (f32.const 88)
             )
            )
            (f32x4.splat
             (f32.const -87.3365478515625)
            )
           )
          )
          (local.set $28
           (f32x4.nearest
            (f32x4.mul
             (local.get $13)
             (f32x4.splat
              (f32.const 1.4426950216293335)
             )
            )
           )
          )
          (local.set $13
           (f32x4.sub
            (local.get $13)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const 0.693359375)
             )
            )
           )
          )
          (local.set $13
           (f32x4.sub
            (local.get $13)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const -2.1219444170128554e-04)
             )
            )
           )
          )
          (local.set $29
           (f32x4.mul
            (local.get $13)
            (local.get $13)
           )
          )
          (local.set $27
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const 1.9875691214110702e-04)
                 )
                 (local.get $13)
                 (f32x4.splat
                  (f32.const 0.001398199936375022)
                 )
                )
                (local.get $13)
                (f32x4.splat
                 (f32.const 0.008333452045917511)
                )
               )
               (local.get $13)
               (f32x4.splat
                (f32.const 0.04166579619050026)
               )
              )
              (local.get $13)
              (f32x4.splat
               (f32.const 0.1666666567325592)
              )
             )
             (local.get $13)
             (f32x4.splat
              (f32.const 0.5)
             )
            )
            (local.get $29)
            (f32x4.add
             (local.get $13)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
          (local.set $28
           (i32x4.shl
            (i32x4.add
             (i32x4.trunc_sat_f32x4_s
              (local.get $28)
             )
             (i32x4.splat
              (i32.const 127)
             )
            )
            (i32.const 23)
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $27)
            (local.get $28)
           )
          )
         )
         (local.set $13
          (f32x4.sub
           (f32x4.splat
            (f32.const 1)
           )
           (f32x4.div
            (f32x4.splat
             (f32.const 2)
            )
            (f32x4.add
             (local.get $27)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
         )
        )
        (v128.store offset=16
         (local.get $24)
         (local.get $13)
        )
        (block
         (local.set $14
          (f32x4.add
           (local.get $14)
           (local.get $14)
          )
         )
         (block
          (local.set $14
           (f32x4.max
            (f32x4.min
             (local.get $14)
             (f32x4.splat
              (f32.const 88)
             )
            )
            (f32x4.splat
             (f32.const -87.3365478515625)
            )
           )
          )
          (local.set $28
           (f32x4.nearest
            (f32x4.mul
             (local.get $14)
             (f32x4.splat
              (f32.const 1.4426950216293335)
             )
            )
           )
          )
          (local.set $14
           (f32x4.sub
            (local.get $14)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const 0.693359375)
             )
            )
           )
          )
          (local.set $14
           (f32x4.sub
            (local.get $14)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const -2.1219444170128554e-04)
             )
            )
           )
          )
          (local.set $29
           (f32x4.mul
            (local.get $14)
            (local.get $14)
           )
          )
          (local.set $27
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const 1.9875691214110702e-04)
                 )
                 (local.get $14)
                 (f32x4.splat
                  (f32.const 0.001398199936375022)
                 )
                )
                (local.get $14)
                (f32x4.splat
                 (f32.const 0.008333452045917511)
                )
               )
               (local.get $14)
               (f32x4.splat
                (f32.const 0.04166579619050026)
               )
              )
              (local.get $14)
              (f32x4.splat
               (f32.const 0.1666666567325592)
              )
             )
             (local.get $14)
             (f32x4.splat
              (f32.const 0.5)
             )
            )
            (local.get $29)
            (f32x4.add
             (local.get $14)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
          (local.set $28
           (i32x4.shl
            (i32x4.add
             (i32x4.trunc_sat_f32x4_s
              (local.get $28)
             )
             (i32x4.splat
              (i32.const 127)
             )
            )
            (i32.const 23)
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $27)
            (local.get $28)
           )
          )
         )
         (local.set $14
          (f32x4.sub
           (f32x4.splat
            (f32.const 1)
           )
           (f32x4.div
            (f32x4.splat
             (f32.const 2)
            )
            (f32x4.add
             (local.get $27)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
         )
        )
        (v128.store offset=32
         (local.get $24)
         (local.get $14)
        )
        (block
         (local.set $15
          (f32x4.add
           (local.get $15)
           (local.get $15)
          )
         )
         (block
          (local.set $15
           (f32x4.max
            (f32x4.min
             (local.get $15)
             (f32x4.splat
              (f32.const 88)
             )
            )
            (f32x4.splat
             (f32.const -87.3365478515625)
            )
           )
          )
          (local.set $28
           (f32x4.nearest
            (f32x4.mul
             (local.get $15)
             (f32x4.splat
              (f32.const 1.4426950216293335)
             )
            )
           )
          )
          (local.set $15
           (f32x4.sub
            (local.get $15)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const 0.693359375)
             )
            )
           )
          )
          (local.set $15
           (f32x4.sub
            (local.get $15)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const -2.1219444170128554e-04)
             )
            )
           )
          )
          (local.set $29
           (f32x4.mul
            (local.get $15)
            (local.get $15)
           )
          )
          (local.set $27
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const 1.9875691214110702e-04)
                 )
                 (local.get $15)
                 (f32x4.splat
                  (f32.const 0.001398199936375022)
                 )
                )
                (local.get $15)
                (f32x4.splat
                 (f32.const 0.008333452045917511)
                )
               )
               (local.get $15)
               (f32x4.splat
                (f32.const 0.04166579619050026)
               )
              )
              (local.get $15)
              (f32x4.splat
               (f32.const 0.1666666567325592)
              )
             )
             (local.get $15)
             (f32x4.splat
              (f32.const 0.5)
             )
            )
            (local.get $29)
            (f32x4.add
             (local.get $15)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
          (local.set $28
           (i32x4.shl
            (i32x4.add
             (i32x4.trunc_sat_f32x4_s
              (local.get $28)
             )
             (i32x4.splat
              (i32.const 127)
             )
            )
            (i32.const 23)
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $27)
            (local.get $28)
           )
          )
         )
         (local.set $15
          (f32x4.sub
           (f32x4.splat
            (f32.const 1)
           )
           (f32x4.div
            (f32x4.splat
             (f32.const 2)
            )
            (f32x4.add
             (local.get $27)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
         )
        )
        (v128.store offset=48
         (local.get $24)
         (local.get $15)
        )
        (block
         (local.set $16
          (f32x4.add
           (local.get $16)
           (local.get $16)
          )
         )
         (block
          (local.set $16
           (f32x4.max
            (f32x4.min
             (local.get $16)
             (f32x4.splat
              (f32.const 88)
             )
            )
            (f32x4.splat
             (f32.const -87.3365478515625)
            )
           )
          )
          (local.set $28
           (f32x4.nearest
            (f32x4.mul
             (local.get $16)
             (f32x4.splat
              (f32.const 1.4426950216293335)
             )
            )
           )
          )
          (local.set $16
           (f32x4.sub
            (local.get $16)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const 0.693359375)
             )
            )
           )
          )
          (local.set $16
           (f32x4.sub
            (local.get $16)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const -2.1219444170128554e-04)
             )
            )
           )
          )
          (local.set $29
           (f32x4.mul
            (local.get $16)
            (local.get $16)
           )
          )
          (local.set $27
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const 1.9875691214110702e-04)
                 )
                 (local.get $16)
                 (f32x4.splat
                  (f32.const 0.001398199936375022)
                 )
                )
                (local.get $16)
                (f32x4.splat
                 (f32.const 0.008333452045917511)
                )
               )
               (local.get $16)
               (f32x4.splat
                (f32.const 0.04166579619050026)
               )
              )
              (local.get $16)
              (f32x4.splat
               (f32.const 0.1666666567325592)
              )
             )
             (local.get $16)
             (f32x4.splat
              (f32.const 0.5)
             )
            )
            (local.get $29)
            (f32x4.add
             (local.get $16)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
          (local.set $28
           (i32x4.shl
            (i32x4.add
             (i32x4.trunc_sat_f32x4_s
              (local.get $28)
             )
             (i32x4.splat
              (i32.const 127)
             )
            )
            (i32.const 23)
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $27)
            (local.get $28)
           )
          )
         )
         (local.set $16
          (f32x4.sub
           (f32x4.splat
            (f32.const 1)
           )
           (f32x4.div
            (f32x4.splat
             (f32.const 2)
            )
            (f32x4.add
             (local.get $27)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
         )
        )
        (v128.store offset=64
         (local.get $24)
         (local.get $16)
        )
        (block
         (local.set $17
          (f32x4.add
           (local.get $17)
           (local.get $17)
          )
         )
         (block
          (local.set $17
           (f32x4.max
            (f32x4.min
             (local.get $17)
             (f32x4.splat
              (f32.const 88)
             )
            )
            (f32x4.splat
             (f32.const -87.3365478515625)
            )
           )
          )
          (local.set $28
           (f32x4.nearest
            (f32x4.mul
             (local.get $17)
             (f32x4.splat
              (f32.const 1.4426950216293335)
             )
            )
           )
          )
          (local.set $17
           (f32x4.sub
            (local.get $17)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const 0.693359375)
             )
            )
           )
          )
          (local.set $17
           (f32x4.sub
            (local.get $17)
            (f32x4.mul
             (local.get $28)
             (f32x4.splat
              (f32.const -2.1219444170128554e-04)
             )
            )
           )
          )
          (local.set $29
           (f32x4.mul
            (local.get $17)
            (local.get $17)
           )
          )
          (local.set $27
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const 1.9875691214110702e-04)
                 )
                 (local.get $17)
                 (f32x4.splat
                  (f32.const 0.001398199936375022)
                 )
                )
                (local.get $17)
                (f32x4.splat
                 (f32.const 0.008333452045917511)
                )
               )
               (local.get $17)
               (f32x4.splat
                (f32.const 0.04166579619050026)
               )
              )
              (local.get $17)
              (f32x4.splat
               (f32.const 0.1666666567325592)
              )
             )
             (local.get $17)
             (f32x4.splat
              (f32.const 0.5)
             )
            )
            (local.get $29)
            (f32x4.add
             (local.get $17)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
          (local.set $28
           (i32x4.shl
            (i32x4.add
             (i32x4.trunc_sat_f32x4_s
              (local.get $28)
             )
             (i32x4.splat
              (i32.const 127)
             )
            )
            (i32.const 23)
           )
          )
          (local.set $27
           (f32x4.mul
            (local.get $27)
            (local.get $28)
           )
          )
         )
         (local.set $17
          (f32x4.sub
           (f32x4.splat
            (f32.const 1)
           )
           (f32x4.div
            (f32x4.splat
             (f32.const 2)
            )
            (f32x4.add
             (local.get $27)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
         )
        )
        (v128.store offset=80
         (local.get $24)
         (local.get $17)
        )
       )
       (local.set $9
        (i32.add
         (local.get $9)
         (i32.const 3)
        )
       )
       (br_if $loop2
        (i32.lt_s
         (local.get $9)
         (i32.add
          (i32.const -2)
          (local.get $5)
         )
        )
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 2)
      )
      (then
       (local.set $30
        (v128.load
         (local.get $11)
        )
       )
       (local.set $31
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $32
        (v128.load
         (local.get $11)
        )
       )
       (local.set $33
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $37
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $39
        (i32.add
         (local.get $37)
         (i32.const 32)
        )
       )
       (local.set $38
        (local.get $10)
       )
       (loop $k3
        (local.set $34
         (v128.load
          (local.get $38)
         )
        )
        (local.set $35
         (v128.load offset=16
          (local.get $38)
         )
        )
        (local.set $36
         (v128.load32_splat
          (local.get $37)
         )
        )
        (local.set $30
         (f32x4.relaxed_madd
          (local.get $36)
          (local.get $34)
          (local.get $30)
         )
        )
        (local.set $31
         (f32x4.relaxed_madd
          (local.get $36)
          (local.get $35)
          (local.get $31)
         )
        )
        (local.set $36
         (v128.load32_splat offset=32
          (local.get $37)
         )
        )
        (local.set $32
         (f32x4.relaxed_madd
          (local.get $36)
          (local.get $34)
          (local.get $32)
         )
        )
        (local.set $33
         (f32x4.relaxed_madd
          (local.get $36)
          (local.get $35)
          (local.get $33)
         )
        )
        (local.set $38
         (i32.add
          (local.get $38)
          (i32.const 32)
         )
        )
        (local.set $37
         (i32.add
          (local.get $37)
          (i32.const 4)
         )
        )
        (br_if $k3
         (i32.lt_u
          (local.get $37)
          (local.get $39)
         )
        )
       )
       (local.set $40
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (block
        (local.set $30
         (f32x4.add
          (local.get $30)
          (local.get $30)
         )
        )
        (block
         (local.set $30
          (f32x4.max
           (f32x4.min
            (local.get $30)
            (f32x4.splat
             (f32.const 88)
            )
           )
           (f32x4.splat
            (f32.const -87.3365478515625)
           )
          )
         )
         (local.set $28
          (f32x4.nearest
           (f32x4.mul
            (local.get $30)
            (f32x4.splat
             (f32.const 1.4426950216293335)
            )
           )
          )
         )
         (local.set $30
          (f32x4.sub
           (local.get $30)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const 0.693359375)
            )
           )
          )
         )
         (local.set $30
          (f32x4.sub
           (local.get $30)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const -2.1219444170128554e-04)
            )
           )
          )
         )
         (local.set $29
          (f32x4.mul
           (local.get $30)
           (local.get $30)
          )
         )
         (local.set $27
          (f32x4.relaxed_madd
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const 1.9875691214110702e-04)
                )
                (local.get $30)
                (f32x4.splat
                 (f32.const 0.001398199936375022)
                )
               )
               (local.get $30)
               (f32x4.splat
                (f32.const 0.008333452045917511)
               )
              )
              (local.get $30)
              (f32x4.splat
               (f32.const 0.04166579619050026)
              )
             )
             (local.get $30)
             (f32x4.splat
              (f32.const 0.1666666567325592)
             )
            )
            (local.get $30)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (local.get $29)
           (f32x4.add
            (local.get $30)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
         (local.set $28
          (i32x4.shl
           (i32x4.add
            (i32x4.trunc_sat_f32x4_s
             (local.get $28)
            )
            (i32x4.splat
             (i32.const 127)
            )
           )
           (i32.const 23)
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $27)
           (local.get $28)
          )
         )
        )
        (local.set $30
         (f32x4.sub
          (f32x4.splat
           (f32.const 1)
          )
          (f32x4.div
           (f32x4.splat
            (f32.const 2)
           )
           (f32x4.add
            (local.get $27)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
       )
       (v128.store
        (local.get $40)
        (local.get $30)
       )
       (block
        (local.set $31
         (f32x4.add
          (local.get $31)
          (local.get $31)
         )
        )
        (block
         (local.set $31
          (f32x4.max
           (f32x4.min
            (local.get $31)
            (f32x4.splat
             (f32.const 88)
            )
           )
           (f32x4.splat
            (f32.const -87.3365478515625)
           )
          )
         )
         (local.set $28
          (f32x4.nearest
           (f32x4.mul
            (local.get $31)
            (f32x4.splat
             (f32.const 1.4426950216293335)
            )
           )
          )
         )
         (local.set $31
          (f32x4.sub
           (local.get $31)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const 0.693359375)
            )
           )
          )
         )
         (local.set $31
          (f32x4.sub
           (local.get $31)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const -2.1219444170128554e-04)
            )
           )
          )
         )
         (local.set $29
          (f32x4.mul
           (local.get $31)
           (local.get $31)
          )
         )
         (local.set $27
          (f32x4.relaxed_madd
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const 1.9875691214110702e-04)
                )
                (local.get $31)
                (f32x4.splat
                 (f32.const 0.001398199936375022)
                )
               )
               (local.get $31)
               (f32x4.splat
                (f32.const 0.008333452045917511)
               )
              )
              (local.get $31)
              (f32x4.splat
               (f32.const 0.04166579619050026)
              )
             )
             (local.get $31)
             (f32x4.splat
              (f32.const 0.1666666567325592)
             )
            )
            (local.get $31)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (local.get $29)
           (f32x4.add
            (local.get $31)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
         (local.set $28
          (i32x4.shl
           (i32x4.add
            (i32x4.trunc_sat_f32x4_s
             (local.get $28)
            )
            (i32x4.splat
             (i32.const 127)
            )
           )
           (i32.const 23)
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $27)
           (local.get $28)
          )
         )
        )
        (local.set $31
         (f32x4.sub
          (f32x4.splat
           (f32.const 1)
          )
          (f32x4.div
           (f32x4.splat
            (f32.const 2)
           )
           (f32x4.add
            (local.get $27)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
       )
       (v128.store offset=16
        (local.get $40)
        (local.get $31)
       )
       (block
        (local.set $32
         (f32x4.add
          (local.get $32)
          (local.get $32)
         )
        )
        (block
         (local.set $32
          (f32x4.max
           (f32x4.min
            (local.get $32)
            (f32x4.splat
             (f32.const 88)
            )
           )
           (f32x4.splat
            (f32.const -87.3365478515625)
           )
          )
         )
         (local.set $28
          (f32x4.nearest
           (f32x4.mul
            (local.get $32)
            (f32x4.splat
             (f32.const 1.4426950216293335)
            )
           )
          )
         )
         (local.set $32
          (f32x4.sub
           (local.get $32)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const 0.693359375)
            )
           )
          )
         )
         (local.set $32
          (f32x4.sub
           (local.get $32)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const -2.1219444170128554e-04)
            )
           )
          )
         )
         (local.set $29
          (f32x4.mul
           (local.get $32)
           (local.get $32)
          )
         )
         (local.set $27
          (f32x4.relaxed_madd
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const 1.9875691214110702e-04)
                )
                (local.get $32)
                (f32x4.splat
                 (f32.const 0.001398199936375022)
                )
               )
               (local.get $32)
               (f32x4.splat
                (f32.const 0.008333452045917511)
               )
              )
              (local.get $32)
              (f32x4.splat
               (f32.const 0.04166579619050026)
              )
             )
             (local.get $32)
             (f32x4.splat
              (f32.const 0.1666666567325592)
             )
            )
            (local.get $32)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (local.get $29)
           (f32x4.add
            (local.get $32)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
         (local.set $28
          (i32x4.shl
           (i32x4.add
            (i32x4.trunc_sat_f32x4_s
             (local.get $28)
            )
            (i32x4.splat
             (i32.const 127)
            )
           )
           (i32.const 23)
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $27)
           (local.get $28)
          )
         )
        )
        (local.set $32
         (f32x4.sub
          (f32x4.splat
           (f32.const 1)
          )
          (f32x4.div
           (f32x4.splat
            (f32.const 2)
           )
           (f32x4.add
            (local.get $27)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
       )
       (v128.store offset=32
        (local.get $40)
        (local.get $32)
       )
       (block
        (local.set $33
         (f32x4.add
          (local.get $33)
          (local.get $33)
         )
        )
        (block
         (local.set $33
          (f32x4.max
           (f32x4.min
            (local.get $33)
            (f32x4.splat
             (f32.const 88)
            )
           )
           (f32x4.splat
            (f32.const -87.3365478515625)
           )
          )
         )
         (local.set $28
          (f32x4.nearest
           (f32x4.mul
            (local.get $33)
            (f32x4.splat
             (f32.const 1.4426950216293335)
            )
           )
          )
         )
         (local.set $33
          (f32x4.sub
           (local.get $33)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const 0.693359375)
            )
           )
          )
         )
         (local.set $33
          (f32x4.sub
           (local.get $33)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const -2.1219444170128554e-04)
            )
           )
          )
         )
         (local.set $29
          (f32x4.mul
           (local.get $33)
           (local.get $33)
          )
         )
         (local.set $27
          (f32x4.relaxed_madd
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const 1.9875691214110702e-04)
                )
                (local.get $33)
                (f32x4.splat
                 (f32.const 0.001398199936375022)
                )
               )
               (local.get $33)
               (f32x4.splat
                (f32.const 0.008333452045917511)
               )
              )
              (local.get $33)
              (f32x4.splat
               (f32.const 0.04166579619050026)
              )
             )
             (local.get $33)
             (f32x4.splat
              (f32.const 0.1666666567325592)
             )
            )
            (local.get $33)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (local.get $29)
           (f32x4.add
            (local.get $33)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
         (local.set $28
          (i32x4.shl
           (i32x4.add
            (i32x4.trunc_sat_f32x4_s
             (local.get $28)
            )
            (i32x4.splat
             (i32.const 127)
            )
           )
           (i32.const 23)
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $27)
           (local.get $28)
          )
         )
        )
        (local.set $33
         (f32x4.sub
          (f32x4.splat
           (f32.const 1)
          )
          (f32x4.div
           (f32x4.splat
            (f32.const 2)
           )
           (f32x4.add
            (local.get $27)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
       )
       (v128.store offset=48
        (local.get $40)
        (local.get $33)
       )
      )
     )
     (if
      (i32.eq
       (i32.sub
        (local.get $5)
        (local.get $9)
       )
       (i32.const 1)
      )
      (then
       (local.set $42
        (v128.load
         (local.get $11)
        )
       )
       (local.set $43
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $47
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $49
        (i32.add
         (local.get $47)
         (i32.const 32)
        )
       )
       (local.set $48
        (local.get $10)
       )
       (loop $k4
        (local.set $44
         (v128.load
          (local.get $48)
         )
        )
        (local.set $45
         (v128.load offset=16
          (local.get $48)
         )
        )
        (local.set $46
         (v128.load32_splat
          (local.get $47)
         )
        )
        (local.set $42
         (f32x4.relaxed_madd
          (local.get $46)
          (local.get $44)
          (local.get $42)
         )
        )
        (local.set $43
         (f32x4.relaxed_madd
          (local.get $46)
          (local.get $45)
          (local.get $43)
         )
        )
        (local.set $48
         (i32.add
          (local.get $48)
          (i32.const 32)
         )
        )
        (local.set $47
         (i32.add
          (local.get $47)
          (i32.const 4)
         )
        )
        (br_if $k4
         (i32.lt_u
          (local.get $47)
          (local.get $49)
         )
        )
       )
       (local.set $50
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (block
        (local.set $42
         (f32x4.add
          (local.get $42)
          (local.get $42)
         )
        )
        (block
         (local.set $42
          (f32x4.max
           (f32x4.min
            (local.get $42)
            (f32x4.splat
             (f32.const 88)
            )
           )
           (f32x4.splat
            (f32.const -87.3365478515625)
           )
          )
         )
         (local.set $28
          (f32x4.nearest
           (f32x4.mul
            (local.get $42)
            (f32x4.splat
             (f32.const 1.4426950216293335)
            )
           )
          )
         )
         (local.set $42
          (f32x4.sub
           (local.get $42)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const 0.693359375)
            )
           )
          )
         )
         (local.set $42
          (f32x4.sub
           (local.get $42)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const -2.1219444170128554e-04)
            )
           )
          )
         )
         (local.set $29
          (f32x4.mul
           (local.get $42)
           (local.get $42)
          )
         )
         (local.set $27
          (f32x4.relaxed_madd
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const 1.9875691214110702e-04)
                )
                (local.get $42)
                (f32x4.splat
                 (f32.const 0.001398199936375022)
                )
               )
               (local.get $42)
               (f32x4.splat
                (f32.const 0.008333452045917511)
               )
              )
              (local.get $42)
              (f32x4.splat
               (f32.const 0.04166579619050026)
              )
             )
             (local.get $42)
             (f32x4.splat
              (f32.const 0.1666666567325592)
             )
            )
            (local.get $42)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (local.get $29)
           (f32x4.add
            (local.get $42)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
         (local.set $28
          (i32x4.shl
           (i32x4.add
            (i32x4.trunc_sat_f32x4_s
             (local.get $28)
            )
            (i32x4.splat
             (i32.const 127)
            )
           )
           (i32.const 23)
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $27)
           (local.get $28)
          )
         )
        )
        (local.set $42
         (f32x4.sub
          (f32x4.splat
           (f32.const 1)
          )
          (f32x4.div
           (f32x4.splat
            (f32.const 2)
           )
           (f32x4.add
            (local.get $27)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
       )
       (v128.store
        (local.get $50)
        (local.get $42)
       )
       (block
        (local.set $43
         (f32x4.add
          (local.get $43)
          (local.get $43)
         )
        )
        (block
         (local.set $43
          (f32x4.max
           (f32x4.min
            (local.get $43)
            (f32x4.splat
             (f32.const 88)
            )
           )
           (f32x4.splat
            (f32.const -87.3365478515625)
           )
          )
         )
         (local.set $28
          (f32x4.nearest
           (f32x4.mul
            (local.get $43)
            (f32x4.splat
             (f32.const 1.4426950216293335)
            )
           )
          )
         )
         (local.set $43
          (f32x4.sub
           (local.get $43)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const 0.693359375)
            )
           )
          )
         )
         (local.set $43
          (f32x4.sub
           (local.get $43)
           (f32x4.mul
            (local.get $28)
            (f32x4.splat
             (f32.const -2.1219444170128554e-04)
            )
           )
          )
         )
         (local.set $29
          (f32x4.mul
           (local.get $43)
           (local.get $43)
          )
         )
         (local.set $27
          (f32x4.relaxed_madd
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const 1.9875691214110702e-04)
                )
                (local.get $43)
                (f32x4.splat
                 (f32.const 0.001398199936375022)
                )
               )
               (local.get $43)
               (f32x4.splat
                (f32.const 0.008333452045917511)
               )
              )
              (local.get $43)
              (f32x4.splat
               (f32.const 0.04166579619050026)
              )
             )
             (local.get $43)
             (f32x4.splat
              (f32.const 0.1666666567325592)
             )
            )
            (local.get $43)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (local.get $29)
           (f32x4.add
            (local.get $43)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
         (local.set $28
          (i32x4.shl
           (i32x4.add
            (i32x4.trunc_sat_f32x4_s
             (local.get $28)
            )
            (i32x4.splat
             (i32.const 127)
            )
           )
           (i32.const 23)
          )
         )
         (local.set $27
          (f32x4.mul
           (local.get $27)
           (local.get $28)
          )
         )
        )
        (local.set $43
         (f32x4.sub
          (f32x4.splat
           (f32.const 1)
          )
          (f32x4.div
           (f32x4.splat
            (f32.const 2)
           )
           (f32x4.add
            (local.get $27)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
       )
       (v128.store offset=16
        (local.get $50)
        (local.get $43)
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop6
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $ln_emb (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local.set $9
   (i32.const 4160)
  )
  (local.set $10
   (i32.const 4224)
  )
  (block $done6
   (local.set $5
    (local.get $3)
   )
   (br_if $done6
    (i32.ge_s
     (local.get $5)
     (local.get $4)
    )
   )
   (loop $loop7
    (local.set $7
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $2)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done0
     (local.set $6
      (i32.const 0)
     )
     (br_if $done0
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop1
      (local.set $11
       (f32x4.add
        (local.get $11)
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop1
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $13
     (f32x4.splat
      (f32.div
       (f32.add
        (f32.add
         (f32x4.extract_lane 0
          (local.get $11)
         )
         (f32x4.extract_lane 1
          (local.get $11)
         )
        )
        (f32.add
         (f32x4.extract_lane 2
          (local.get $11)
         )
         (f32x4.extract_lane 3
          (local.get $11)
         )
        )
       )
       (f32.const 8)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done2
     (local.set $6
      (i32.const 0)
     )
     (br_if $done2
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop3
      (local.set $12
       (f32x4.sub
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
        (local.get $13)
       )
      )
      (local.set $11
       (f32x4.relaxed_madd
        (local.get $12)
        (local.get $12)
        (local.get $11)
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop3
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $14
     (f32x4.splat
      (f32.div
       (f32.const 1)
       (f32.sqrt
        (f32.add
         (f32.div
          (f32.add
           (f32.add
            (f32x4.extract_lane 0
             (local.get $11)
            )
            (f32x4.extract_lane 1
             (local.get $11)
            )
           )
           (f32.add
            (f32x4.extract_lane 2
             (local.get $11)
            )
            (f32x4.extract_lane 3
             (local.get $11)
            )
           )
          )
          (f32.const 8)
         )
         (f32.const 9.999999960041972e-13)
        )
       )
      )
     )
    )
    (block $done4
     (local.set $6
      (i32.const 0)
     )
     (br_if $done4
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop5
      (local.set $12
       (f32x4.mul
        (f32x4.sub
         (v128.load
          (i32.add
           (local.get $7)
           (local.get $6)
          )
         )
         (local.get $13)
        )
        (local.get $14)
       )
      )
      (v128.store
       (i32.add
        (local.get $8)
        (local.get $6)
       )
       (f32x4.relaxed_madd
        (local.get $12)
        (v128.load
         (i32.add
          (local.get $9)
          (local.get $6)
         )
        )
        (v128.load
         (i32.add
          (local.get $10)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop5
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $5
     (i32.add
      (local.get $5)
      (i32.const 1)
     )
    )
    (br_if $loop7
     (i32.lt_s
      (local.get $5)
      (local.get $4)
     )
    )
   )
  )
 )
 (func $ln1 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local.set $9
   (i32.add
    (i32.const 5504)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (local.set $10
   (i32.add
    (i32.const 5568)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (block $done6
   (local.set $5
    (local.get $3)
   )
   (br_if $done6
    (i32.ge_s
     (local.get $5)
     (local.get $4)
    )
   )
   (loop $loop7
    (local.set $7
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $2)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done0
     (local.set $6
      (i32.const 0)
     )
     (br_if $done0
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop1
      (local.set $11
       (f32x4.add
        (local.get $11)
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop1
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $13
     (f32x4.splat
      (f32.div
       (f32.add
        (f32.add
         (f32x4.extract_lane 0
          (local.get $11)
         )
         (f32x4.extract_lane 1
          (local.get $11)
         )
        )
        (f32.add
         (f32x4.extract_lane 2
          (local.get $11)
         )
         (f32x4.extract_lane 3
          (local.get $11)
         )
        )
       )
       (f32.const 8)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done2
     (local.set $6
      (i32.const 0)
     )
     (br_if $done2
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop3
      (local.set $12
       (f32x4.sub
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
        (local.get $13)
       )
      )
      (local.set $11
       (f32x4.relaxed_madd
        (local.get $12)
        (local.get $12)
        (local.get $11)
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop3
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $14
     (f32x4.splat
      (f32.div
       (f32.const 1)
       (f32.sqrt
        (f32.add
         (f32.div
          (f32.add
           (f32.add
            (f32x4.extract_lane 0
             (local.get $11)
            )
            (f32x4.extract_lane 1
             (local.get $11)
            )
           )
           (f32.add
            (f32x4.extract_lane 2
             (local.get $11)
            )
            (f32x4.extract_lane 3
             (local.get $11)
            )
           )
          )
          (f32.const 8)
         )
         (f32.const 9.999999960041972e-13)
        )
       )
      )
     )
    )
    (block $done4
     (local.set $6
      (i32.const 0)
     )
     (br_if $done4
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop5
      (local.set $12
       (f32x4.mul
        (f32x4.sub
         (v128.load
          (i32.add
           (local.get $7)
           (local.get $6)
          )
         )
         (local.get $13)
        )
        (local.get $14)
       )
      )
      (v128.store
       (i32.add
        (local.get $8)
        (local.get $6)
       )
       (f32x4.relaxed_madd
        (local.get $12)
        (v128.load
         (i32.add
          (local.get $9)
          (local.get $6)
         )
        )
        (v128.load
         (i32.add
          (local.get $10)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop5
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $5
     (i32.add
      (local.get $5)
      (i32.const 1)
     )
    )
    (br_if $loop7
     (i32.lt_s
      (local.get $5)
      (local.get $4)
     )
    )
   )
  )
 )
 (func $ln2 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local.set $9
   (i32.add
    (i32.const 6784)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (local.set $10
   (i32.add
    (i32.const 6848)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (block $done6
   (local.set $5
    (local.get $3)
   )
   (br_if $done6
    (i32.ge_s
     (local.get $5)
     (local.get $4)
    )
   )
   (loop $loop7
    (local.set $7
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $2)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done0
     (local.set $6
      (i32.const 0)
     )
     (br_if $done0
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop1
      (local.set $11
       (f32x4.add
        (local.get $11)
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop1
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $13
     (f32x4.splat
      (f32.div
       (f32.add
        (f32.add
         (f32x4.extract_lane 0
          (local.get $11)
         )
         (f32x4.extract_lane 1
          (local.get $11)
         )
        )
        (f32.add
         (f32x4.extract_lane 2
          (local.get $11)
         )
         (f32x4.extract_lane 3
          (local.get $11)
         )
        )
       )
       (f32.const 8)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done2
     (local.set $6
      (i32.const 0)
     )
     (br_if $done2
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop3
      (local.set $12
       (f32x4.sub
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
        (local.get $13)
       )
      )
      (local.set $11
       (f32x4.relaxed_madd
        (local.get $12)
        (local.get $12)
        (local.get $11)
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop3
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $14
     (f32x4.splat
      (f32.div
       (f32.const 1)
       (f32.sqrt
        (f32.add
         (f32.div
          (f32.add
           (f32.add
            (f32x4.extract_lane 0
             (local.get $11)
            )
            (f32x4.extract_lane 1
             (local.get $11)
            )
           )
           (f32.add
            (f32x4.extract_lane 2
             (local.get $11)
            )
            (f32x4.extract_lane 3
             (local.get $11)
            )
           )
          )
          (f32.const 8)
         )
         (f32.const 9.999999960041972e-13)
        )
       )
      )
     )
    )
    (block $done4
     (local.set $6
      (i32.const 0)
     )
     (br_if $done4
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop5
      (local.set $12
       (f32x4.mul
        (f32x4.sub
         (v128.load
          (i32.add
           (local.get $7)
           (local.get $6)
          )
         )
         (local.get $13)
        )
        (local.get $14)
       )
      )
      (v128.store
       (i32.add
        (local.get $8)
        (local.get $6)
       )
       (f32x4.relaxed_madd
        (local.get $12)
        (v128.load
         (i32.add
          (local.get $9)
          (local.get $6)
         )
        )
        (v128.load
         (i32.add
          (local.get $10)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop5
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $5
     (i32.add
      (local.get $5)
      (i32.const 1)
     )
    )
    (br_if $loop7
     (i32.lt_s
      (local.get $5)
      (local.get $4)
     )
    )
   )
  )
 )
 (func $gather_kt (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (block $done6
   (local.set $4
    (local.get $2)
   )
   (br_if $done6
    (i32.ge_s
     (local.get $4)
     (local.get $3)
    )
   )
   (loop $loop7
    (local.set $5
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $4)
       (i32.const 16)
      )
     )
    )
    (local.set $6
     (i32.load
      (local.get $5)
     )
    )
    (local.set $7
     (i32.load offset=4
      (local.get $5)
     )
    )
    (local.set $8
     (i32.load offset=8
      (local.get $5)
     )
    )
    (local.set $9
     (i32.load offset=12
      (local.get $5)
     )
    )
    (local.set $14
     (i32.mul
      (local.get $9)
      (i32.const 4)
     )
    )
    (block $done4
     (local.set $10
      (i32.const 0)
     )
     (br_if $done4
      (i32.ge_s
       (local.get $10)
       (local.get $9)
      )
     )
     (loop $loop5
      (local.set $13
       (i32.add
        (local.get $6)
        (i32.mul
         (local.get $10)
         (i32.const 4)
        )
       )
      )
      (if
       (i32.lt_s
        (local.get $10)
        (local.get $7)
       )
       (then
        (local.set $12
         (i32.add
          (i32.add
           (local.get $0)
           (i32.mul
            (i32.load
             (i32.add
              (local.get $8)
              (i32.mul
               (local.get $10)
               (i32.const 4)
              )
             )
            )
            (i32.const 96)
           )
          )
          (i32.const 32)
         )
        )
        (block $done0
         (local.set $11
          (i32.const 0)
         )
         (br_if $done0
          (i32.ge_s
           (local.get $11)
           (i32.const 8)
          )
         )
         (loop $loop1
          (f32.store
           (local.get $13)
           (f32.load
            (i32.add
             (local.get $12)
             (i32.mul
              (local.get $11)
              (i32.const 4)
             )
            )
           )
          )
          (local.set $13
           (i32.add
            (local.get $13)
            (local.get $14)
           )
          )
          (local.set $11
           (i32.add
            (local.get $11)
            (i32.const 1)
           )
          )
          (br_if $loop1
           (i32.lt_s
            (local.get $11)
            (i32.const 8)
           )
          )
         )
        )
       )
       (else
        (block $done2
         (local.set $11
          (i32.const 0)
         )
         (br_if $done2
          (i32.ge_s
           (local.get $11)
           (i32.const 8)
          )
         )
         (loop $loop3
          (f32.store
           (local.get $13)
           (f32.const 0)
          )
          (local.set $13
           (i32.add
            (local.get $13)
            (local.get $14)
           )
          )
          (local.set $11
           (i32.add
            (local.get $11)
            (i32.const 1)
           )
          )
          (br_if $loop3
           (i32.lt_s
            (local.get $11)
            (i32.const 8)
           )
          )
         )
        )
       )
      )
      (local.set $10
       (i32.add
        (local.get $10)
        (i32.const 1)
       )
      )
      (br_if $loop5
       (i32.lt_s
        (local.get $10)
        (local.get $9)
       )
      )
     )
    )
    (local.set $4
     (i32.add
      (local.get $4)
      (i32.const 1)
     )
    )
    (br_if $loop7
     (i32.lt_s
      (local.get $4)
      (local.get $3)
     )
    )
   )
  )
 )
 (func $attend (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (block $done18
   (local.set $7
    (local.get $5)
   )
   (br_if $done18
    (i32.ge_s
     (local.get $7)
     (local.get $6)
    )
   )
   (loop $loop19
    (local.set $9
     (i32.add
      (local.get $3)
      (i32.mul
       (i32.load
        (i32.add
         (local.get $2)
         (i32.mul
          (local.get $7)
          (i32.const 4)
         )
        )
       )
       (i32.const 16)
      )
     )
    )
    (local.set $10
     (i32.load
      (local.get $9)
     )
    )
    (local.set $11
     (i32.load offset=4
      (local.get $9)
     )
    )
    (local.set $12
     (i32.load offset=8
      (local.get $9)
     )
    )
    (local.set $13
     (i32.load offset=12
      (local.get $9)
     )
    )
    (local.set $21
     (i32.mul
      (local.get $13)
      (i32.const 4)
     )
    )
    (block $done16
     (local.set $8
      (i32.const 0)
     )
     (br_if $done16
      (i32.ge_s
       (local.get $8)
       (i32.const 2)
      )
     )
     (loop $loop17
      (local.set $14
       (i32.const 0)
      )
      (block $w4
       (loop $wl5
        (br_if $w4
         (i32.eqz
          (i32.le_s
           (i32.add
            (local.get $14)
            (i32.const 32)
           )
           (local.get $13)
          )
         )
        )
        (local.set $28
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $29
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $30
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $31
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $32
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $33
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $34
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $35
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $16
         (i32.add
          (i32.add
           (local.get $0)
           (i32.mul
            (local.get $7)
            (i32.const 96)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 16)
          )
         )
        )
        (local.set $17
         (i32.add
          (i32.add
           (local.get $10)
           (i32.mul
            (i32.mul
             (local.get $8)
             (i32.const 4)
            )
            (local.get $21)
           )
          )
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
        )
        (block $done2
         (local.set $15
          (i32.const 0)
         )
         (br_if $done2
          (i32.ge_s
           (local.get $15)
           (i32.const 4)
          )
         )
         (loop $loop3
          (local.set $22
           (v128.load32_splat
            (local.get $16)
           )
          )
          (local.set $28
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load
             (local.get $17)
            )
            (local.get $28)
           )
          )
          (local.set $29
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load offset=16
             (local.get $17)
            )
            (local.get $29)
           )
          )
          (local.set $30
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load offset=32
             (local.get $17)
            )
            (local.get $30)
           )
          )
          (local.set $31
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load offset=48
             (local.get $17)
            )
            (local.get $31)
           )
          )
          (local.set $32
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load offset=64
             (local.get $17)
            )
            (local.get $32)
           )
          )
          (local.set $33
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load offset=80
             (local.get $17)
            )
            (local.get $33)
           )
          )
          (local.set $34
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load offset=96
             (local.get $17)
            )
            (local.get $34)
           )
          )
          (local.set $35
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load offset=112
             (local.get $17)
            )
            (local.get $35)
           )
          )
          (local.set $16
           (i32.add
            (local.get $16)
            (i32.const 4)
           )
          )
          (local.set $17
           (i32.add
            (local.get $17)
            (local.get $21)
           )
          )
          (local.set $15
           (i32.add
            (local.get $15)
            (i32.const 1)
           )
          )
          (br_if $loop3
           (i32.lt_s
            (local.get $15)
            (i32.const 4)
           )
          )
         )
        )
        (v128.store
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $28)
        )
        (v128.store offset=16
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $29)
        )
        (v128.store offset=32
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $30)
        )
        (v128.store offset=48
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $31)
        )
        (v128.store offset=64
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $32)
        )
        (v128.store offset=80
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $33)
        )
        (v128.store offset=96
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $34)
        )
        (v128.store offset=112
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $35)
        )
        (local.set $14
         (i32.add
          (local.get $14)
          (i32.const 32)
         )
        )
        (br $wl5)
       )
      )
      (block $w8
       (loop $wl9
        (br_if $w8
         (i32.eqz
          (i32.lt_s
           (local.get $14)
           (local.get $13)
          )
         )
        )
        (local.set $36
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $16
         (i32.add
          (i32.add
           (local.get $0)
           (i32.mul
            (local.get $7)
            (i32.const 96)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 16)
          )
         )
        )
        (local.set $17
         (i32.add
          (i32.add
           (local.get $10)
           (i32.mul
            (i32.mul
             (local.get $8)
             (i32.const 4)
            )
            (local.get $21)
           )
          )
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
        )
        (block $done6
         (local.set $15
          (i32.const 0)
         )
         (br_if $done6
          (i32.ge_s
           (local.get $15)
           (i32.const 4)
          )
         )
         (loop $loop7
          (local.set $22
           (v128.load32_splat
            (local.get $16)
           )
          )
          (local.set $36
           (f32x4.relaxed_madd
            (local.get $22)
            (v128.load
             (local.get $17)
            )
            (local.get $36)
           )
          )
          (local.set $16
           (i32.add
            (local.get $16)
            (i32.const 4)
           )
          )
          (local.set $17
           (i32.add
            (local.get $17)
            (local.get $21)
           )
          )
          (local.set $15
           (i32.add
            (local.get $15)
            (i32.const 1)
           )
          )
          (br_if $loop7
           (i32.lt_s
            (local.get $15)
            (i32.const 4)
           )
          )
         )
        )
        (v128.store
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $14)
           (i32.const 4)
          )
         )
         (local.get $36)
        )
        (local.set $14
         (i32.add
          (local.get $14)
          (i32.const 4)
         )
        )
        (br $wl9)
       )
      )
      (block $done10
       (local.set $18
        (local.get $11)
       )
       (br_if $done10
        (i32.ge_s
         (local.get $18)
         (local.get $13)
        )
       )
       (loop $loop11
        (f32.store
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $18)
           (i32.const 4)
          )
         )
         (f32.const -inf)
        )
        (local.set $18
         (i32.add
          (local.get $18)
          (i32.const 1)
         )
        )
        (br_if $loop11
         (i32.lt_s
          (local.get $18)
          (local.get $13)
         )
        )
       )
      )
      (local.set $23
       (f32x4.splat
        (f32.const -inf)
       )
      )
      (block $done12
       (local.set $18
        (i32.const 0)
       )
       (br_if $done12
        (i32.ge_s
         (local.get $18)
         (local.get $13)
        )
       )
       (loop $loop13
        (local.set $23
         (f32x4.max
          (local.get $23)
          (v128.load
           (i32.add
            (local.get $4)
            (i32.mul
             (local.get $18)
             (i32.const 4)
            )
           )
          )
         )
        )
        (local.set $18
         (i32.add
          (local.get $18)
          (i32.const 4)
         )
        )
        (br_if $loop13
         (i32.lt_s
          (local.get $18)
          (local.get $13)
         )
        )
       )
      )
      (local.set $23
       (f32x4.splat
        (f32.max
         (f32.max
          (f32x4.extract_lane 0
           (local.get $23)
          )
          (f32x4.extract_lane 1
           (local.get $23)
          )
         )
         (f32.max
          (f32x4.extract_lane 2
           (local.get $23)
          )
          (f32x4.extract_lane 3
           (local.get $23)
          )
         )
        )
       )
      )
      (local.set $24
       (f32x4.splat
        (f32.const 0)
       )
      )
      (block $done14
       (local.set $18
        (i32.const 0)
       )
       (br_if $done14
        (i32.ge_s
         (local.get $18)
         (local.get $13)
        )
       )
       (loop $loop15
        (local.set $22
         (f32x4.sub
          (v128.load
           (i32.add
            (local.get $4)
            (i32.mul
             (local.get $18)
             (i32.const 4)
            )
           )
          )
          (local.get $23)
         )
        )
        (block
         (local.set $22
          (f32x4.max
           (f32x4.min
            (local.get $22)
            (f32x4.splat
             (f32.const 88)
            )
           )
           (f32x4.splat
            (f32.const -87.3365478515625)
           )
          )
         )
         (local.set $37
          (f32x4.nearest
           (f32x4.mul
            (local.get $22)
            (f32x4.splat
             (f32.const 1.4426950216293335)
            )
           )
          )
         )
         (local.set $22
          (f32x4.sub
           (local.get $22)
           (f32x4.mul
            (local.get $37)
            (f32x4.splat
             (f32.const 0.693359375)
            )
           )
          )
         )
         (local.set $22
          (f32x4.sub
           (local.get $22)
           (f32x4.mul
            (local.get $37)
            (f32x4.splat
             (f32.const -2.1219444170128554e-04)
            )
           )
          )
         )
         (local.set $38
          (f32x4.mul
           (local.get $22)
           (local.get $22)
          )
         )
         (local.set $25
          (f32x4.relaxed_madd
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const 1.9875691214110702e-04)
                )
                (local.get $22)
                (f32x4.splat
                 (f32.const 0.001398199936375022)
                )
               )
               (local.get $22)
               (f32x4.splat
                (f32.const 0.008333452045917511)
               )
              )
              (local.get $22)
              (f32x4.splat
               (f32.const 0.04166579619050026)
              )
             )
             (local.get $22)
             (f32x4.splat
              (f32.const 0.1666666567325592)
             )
            )
            (local.get $22)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (local.get $38)
           (f32x4.add
            (local.get $22)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
         (local.set $37
          (i32x4.shl
           (i32x4.add
            (i32x4.trunc_sat_f32x4_s
             (local.get $37)
            )
            (i32x4.splat
             (i32.const 127)
            )
           )
           (i32.const 23)
          )
         )
         (local.set $25
          (f32x4.mul
           (local.get $25)
           (local.get $37)
          )
         )
        )
        (v128.store
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $18)
           (i32.const 4)
          )
         )
         (local.get $25)
        )
        (local.set $24
         (f32x4.add
          (local.get $24)
          (local.get $25)
         )
        )
        (local.set $18
         (i32.add
          (local.get $18)
          (i32.const 4)
         )
        )
        (br_if $loop15
         (i32.lt_s
          (local.get $18)
          (local.get $13)
         )
        )
       )
      )
      (local.set $26
       (f32x4.splat
        (f32.div
         (f32.const 1)
         (f32.add
          (f32.add
           (f32x4.extract_lane 0
            (local.get $24)
           )
           (f32x4.extract_lane 1
            (local.get $24)
           )
          )
          (f32.add
           (f32x4.extract_lane 2
            (local.get $24)
           )
           (f32x4.extract_lane 3
            (local.get $24)
           )
          )
         )
        )
       )
      )
      (local.set $20
       (i32.add
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $7)
          (i32.const 32)
         )
        )
        (i32.mul
         (local.get $8)
         (i32.const 16)
        )
       )
      )
      (local.set $27
       (f32x4.splat
        (f32.const 0)
       )
      )
      (block $done0
       (local.set $18
        (i32.const 0)
       )
       (br_if $done0
        (i32.ge_s
         (local.get $18)
         (local.get $11)
        )
       )
       (loop $loop1
        (local.set $22
         (v128.load32_splat
          (i32.add
           (local.get $4)
           (i32.mul
            (local.get $18)
            (i32.const 4)
           )
          )
         )
        )
        (local.set $19
         (i32.add
          (i32.add
           (local.get $0)
           (i32.mul
            (i32.load
             (i32.add
              (local.get $12)
              (i32.mul
               (local.get $18)
               (i32.const 4)
              )
             )
            )
            (i32.const 96)
           )
          )
          (i32.add
           (i32.const 64)
           (i32.mul
            (local.get $8)
            (i32.const 16)
           )
          )
         )
        )
        (local.set $27
         (f32x4.relaxed_madd
          (local.get $22)
          (v128.load
           (local.get $19)
          )
          (local.get $27)
         )
        )
        (local.set $18
         (i32.add
          (local.get $18)
          (i32.const 1)
         )
        )
        (br_if $loop1
         (i32.lt_s
          (local.get $18)
          (local.get $11)
         )
        )
       )
      )
      (v128.store
       (local.get $20)
       (f32x4.mul
        (local.get $27)
        (local.get $26)
       )
      )
      (local.set $8
       (i32.add
        (local.get $8)
        (i32.const 1)
       )
      )
      (br_if $loop17
       (i32.lt_s
        (local.get $8)
        (i32.const 2)
       )
      )
     )
    )
    (local.set $7
     (i32.add
      (local.get $7)
      (i32.const 1)
     )
    )
    (br_if $loop19
     (i32.lt_s
      (local.get $7)
      (local.get $6)
     )
    )
   )
  )
 )
)
